package org.billingcenter.billingprofile.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.billingprofile.InvoiceLanguage;
import org.billingcenter.billingprofile.SavedBillingProfile;
import org.jspecify.annotations.Nullable;

/** The billing profile as the API shows it, with the organisation's billing cycle. */
record BillingProfileView(
    @Schema(description = "Legal name invoices are addressed to (the organisation's name until saved).")
        String legalName,
    @Nullable String addressLine1,
    @Nullable String addressLine2,
    @Nullable String postalCode,
    @Nullable String city,
    @Nullable String region,
    @Schema(description = "ISO 3166-1 alpha-2 country of the organisation, fixed at sign-up (read only).",
        example = "IE") String country,
    @Schema(description = "VAT number (EU, normalised: upper case, no separators) or tax ID.") @Nullable String taxId,
    @Nullable String purchaseOrder,
    @Schema(description = "en, fr-FR, da-DK, bg-BG, zh-CN or zh-TW.", example = "en") String invoiceLanguage,
    boolean attachPdf,
    boolean electronicInvoice,
    @Schema(description = "Day of month of the organisation's billing date (clamped to shorter months' last day);"
        + " null before its first paid period.", minimum = "1", maximum = "31") @Nullable Integer billingDay,
    @Schema(description = "The next billing date after today, in the organisation's time zone: where credits are"
        + " returned. Null before the first paid period.") @Nullable LocalDate nextBillingDate,
    @Schema(description = "When the profile was last saved; null if never.") @Nullable Instant updatedAt,
    @Schema(description = "Who saved it last; null if never.") @Nullable String updatedBy) {

  static BillingProfileView of(SavedBillingProfile saved, @Nullable Integer billingDay,
      @Nullable LocalDate nextBillingDate) {
    BillingProfile p = saved.profile();
    return new BillingProfileView(p.legalName(), p.addressLine1(), p.addressLine2(), p.postalCode(), p.city(),
        p.region(), p.country(), p.taxId(), p.purchaseOrder(), InvoiceLanguage.tag(p.invoiceLanguage()), p.attachPdf(),
        p.electronicInvoice(), billingDay, nextBillingDate, saved.updatedAt(), saved.updatedBy());
  }
}
