package org.billingcenter.document;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator as the seller on every document (settings {@code billing-center.invoices.issuer.*}):
 * legal name, address, country (ISO 3166-1 alpha-2), VAT number, contact e-mail.
 */
@ConfigurationProperties("billing-center.invoices.issuer")
public record InvoiceIssuer(
    String name,
    String addressLine1,
    @Nullable String addressLine2,
    String postalCode,
    String city,
    String country,
    @Nullable String vatId,
    @Nullable String email) {}
