package org.billingcenter.billing;

import java.util.Optional;

/**
 * Whether an invoice may be voided: only an issued invoice that nobody has paid. A credit note is
 * never voided (its credit was owed); a draft is not a document yet (the run of its day issues it);
 * a paid invoice is corrected by a credit, not erased. A collection still pending settlement is
 * withdrawn by the void, so PENDING_SETTLEMENT may be voided like OPEN.
 */
public final class InvoiceVoiding {

  private InvoiceVoiding() {}

  /** Empty when the invoice may be voided, else why not. */
  public static Optional<BillingReason> refusal(InvoiceDocument.Kind kind, boolean issued, InvoiceStatus status) {
    if (kind == InvoiceDocument.Kind.CREDIT_NOTE) {
      return Optional.of(BillingReason.INVOICE_VOID_CREDIT_NOTE);
    }
    if (status == InvoiceStatus.VOID) {
      return Optional.of(BillingReason.INVOICE_ALREADY_VOID);
    }
    if (!issued) {
      return Optional.of(BillingReason.INVOICE_VOID_NOT_ISSUED);
    }
    return switch (status) {
      case OPEN, PENDING_SETTLEMENT, OVERDUE, UNCOLLECTIBLE -> Optional.empty();
      case PAID, PARTIALLY_CREDITED -> Optional.of(BillingReason.INVOICE_VOID_PAID);
      case VOID -> Optional.of(BillingReason.INVOICE_ALREADY_VOID);
    };
  }
}
