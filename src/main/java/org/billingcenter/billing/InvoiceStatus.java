package org.billingcenter.billing;

import org.jspecify.annotations.Nullable;

/**
 * Where an invoice stands: OPEN until paid (drafts before finalisation included), PENDING_SETTLEMENT
 * while the payment provider has not confirmed the collection, PAID, PARTIALLY_CREDITED once a later
 * credit returned part of what it charged, VOID when it was cancelled before it was paid.
 * {@link #of} is the one place that derives it; pages, API, PDF and exports all show its answer.
 */
public enum InvoiceStatus {
  OPEN, PENDING_SETTLEMENT, PAID, PARTIALLY_CREDITED, VOID;

  /**
   * What a document's status is derived from. {@code owedMinor}: what an invoice asks to be paid
   * (its total). {@code paymentStatus}: its collection's status, null before any. {@code refundsPending}
   * and {@code refundsFailed}: its refunds in those states. {@code creditedLater}: a later credit
   * returned part of a period it charged. {@code voided}: the operator voided it ({@link InvoiceVoiding}).
   */
  public record Facts(
      InvoiceDocument.Kind kind, boolean finalised, boolean voided, long owedMinor,
      @Nullable String paymentStatus, int refundsPending, int refundsFailed, boolean creditedLater) {}

  public static InvoiceStatus of(Facts f) {
    if (f.voided()) {
      return VOID;
    }
    if (!f.finalised()) {
      return OPEN;
    }
    return f.kind() == InvoiceDocument.Kind.CREDIT_NOTE ? ofCreditNote(f) : ofInvoice(f);
  }

  /** An invoice is paid when its collection settled or there was nothing to collect. */
  private static InvoiceStatus ofInvoice(Facts f) {
    boolean nothingToPay = f.owedMinor() <= 0;
    if (!nothingToPay && "PENDING_SETTLEMENT".equals(f.paymentStatus())) {
      return PENDING_SETTLEMENT;
    }
    if (!nothingToPay && !"SETTLED".equals(f.paymentStatus())) {
      return OPEN; // not collected yet, or the collection failed: still owed
    }
    return f.creditedLater() ? PARTIALLY_CREDITED : PAID;
  }

  /** A credit note stands where its refunds stand: settled (or none) is done, a failed one is still owed. */
  private static InvoiceStatus ofCreditNote(Facts f) {
    if (f.refundsFailed() > 0) {
      return OPEN;
    }
    return f.refundsPending() > 0 ? PENDING_SETTLEMENT : PAID;
  }
}
