package org.billingcenter.billingprofile;

import java.util.Locale;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Who an organisation's invoices are addressed to. {@code country} is the organisation's (ISO
 * 3166-1 alpha-2, fixed at sign-up); {@code taxId} is a VAT number for EU countries (format-checked);
 * {@code invoiceLanguage} one of the six languages; {@code attachPdf}: invoice e-mails carry the
 * PDF; {@code electronicInvoice}: the PDF embeds Factur-X (EN 16931) XML.
 */
public record BillingProfile(
    TenantId tenant,
    String legalName,
    @Nullable String addressLine1,
    @Nullable String addressLine2,
    @Nullable String postalCode,
    @Nullable String city,
    @Nullable String region,
    String country,
    @Nullable String taxId,
    @Nullable String purchaseOrder,
    Locale invoiceLanguage,
    boolean attachPdf,
    boolean electronicInvoice) {}
