package org.billingcenter.document;

import java.math.BigDecimal;

/**
 * The VAT treatment written into every e-invoice line and the VAT breakdown: an EN 16931 VAT
 * category code (UNTDID 5305), its rate and the message key of the exemption reason (BT-120) in
 * the invoice language.
 *
 * <p>The product does not model tax yet: every amount is net and no VAT is charged. Of the
 * categories that say "no VAT on this line", {@code O} (not subject to VAT) is refused by the
 * validator while the seller has a VAT identifier (BR-O-02 forbids BT-31 and BT-48), and the
 * operator always has one. {@code E} (exempt) at 0 % with a reason text is accepted (BR-E-02 wants
 * the seller's VAT identifier, BR-E-10 a reason) and says plainly what happens: no VAT charged. A
 * future tax issue replaces {@link #NOT_CHARGED} with the real per-line treatment (standard rate
 * {@code S}, reverse charge {@code AE}, ...).
 */
public record EInvoiceVat(String category, BigDecimal ratePercent, String reasonKey) {

  /** No VAT charged; see the type's comment for why category E. */
  public static final EInvoiceVat NOT_CHARGED =
      new EInvoiceVat("E", BigDecimal.ZERO, "facturx.vat.not-charged");
}
