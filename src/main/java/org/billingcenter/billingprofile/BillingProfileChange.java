package org.billingcenter.billingprofile;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A billing profile as an admin sends it, from the API's JSON body or the page's form: the whole
 * profile (an omitted field is cleared). Nothing is checked here: {@link BillingProfileRules} checks
 * both the same way. The country is not part of it: it is the organisation's, fixed at sign-up.
 */
public record BillingProfileChange(
    @Schema(description = "The organisation's legal name, as invoices address it: 1 to 200 characters.",
        example = "Alder Studio Limited", maxLength = 200)
    @Nullable String legalName,
    @Schema(description = "First line of the bill-to address (street and number); at most 200 characters.",
        example = "14 Merrion Square North", maxLength = 200)
    @Nullable String addressLine1,
    @Schema(description = "Second line of the address; at most 200 characters.", maxLength = 200)
    @Nullable String addressLine2,
    @Schema(description = "Postal code; required with an address; at most 20 characters.", example = "D02 XK15",
        maxLength = 20)
    @Nullable String postalCode,
    @Schema(description = "City; required with an address; at most 100 characters.", example = "Dublin",
        maxLength = 100)
    @Nullable String city,
    @Schema(description = "Region, county or state; at most 100 characters.", maxLength = 100)
    @Nullable String region,
    @Schema(description = "VAT number in the EU (with the country's prefix, EL for Greece; spaces, dots and dashes "
        + "are dropped), else a tax ID of up to 40 letters, digits, spaces and - . /", example = "IE6388047V",
        maxLength = 40)
    @Nullable String taxId,
    @Schema(description = "Purchase-order number printed on invoices; at most 60 characters.", maxLength = 60)
    @Nullable String purchaseOrder,
    @Schema(description = "Language of invoices: en, fr-FR, da-DK, bg-BG, zh-CN or zh-TW.", example = "en")
    @Nullable String invoiceLanguage,
    @Schema(description = "Invoice e-mails carry the PDF (default false).")
    @Nullable Boolean attachPdf,
    @Schema(description = "Invoices embed a Factur-X (EN 16931) electronic invoice (default false).")
    @Nullable Boolean electronicInvoice) {

  /** The profile as it stands, to edit. */
  public static BillingProfileChange of(BillingProfile p) {
    return new BillingProfileChange(p.legalName(), p.addressLine1(), p.addressLine2(), p.postalCode(), p.city(),
        p.region(), p.taxId(), p.purchaseOrder(), InvoiceLanguage.tag(p.invoiceLanguage()), p.attachPdf(),
        p.electronicInvoice());
  }
}
