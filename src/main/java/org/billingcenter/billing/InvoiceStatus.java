package org.billingcenter.billing;

import org.jspecify.annotations.Nullable;

/**
 * Where an invoice stands: OPEN until paid (drafts before finalisation included), OVERDUE once an
 * attempt to collect it was declined (issue 18), UNCOLLECTIBLE when dunning ran out unpaid,
 * PENDING_SETTLEMENT while the payment provider has not confirmed the collection, PAID (credits
 * returned to it count), PARTIALLY_CREDITED once a later credit returned part of what it charged,
 * VOID when it was cancelled before it was paid.
 * {@link #of} is the one place that derives it; pages, API, PDF and exports all show its answer.
 */
public enum InvoiceStatus {
  OPEN, OVERDUE, UNCOLLECTIBLE, PENDING_SETTLEMENT, PAID, PARTIALLY_CREDITED, VOID;

  /**
   * What a document's status is derived from. {@code owedMinor}: what an invoice asks to be paid
   * (its total). {@code paymentStatus}: its collection's status, null before any. {@code refundsPending}
   * and {@code refundsFailed}: its refunds in those states. {@code creditedLater}: a later credit
   * returned part of a period it charged. {@code voided}: the operator voided it ({@link InvoiceVoiding}).
   * Issue 18: {@code allocatedMinor} credits returned to it while it was owed, {@code declinedAttempts}
   * collections the provider declined, {@code uncollectible} dunning ran out.
   */
  public record Facts(
      InvoiceDocument.Kind kind, boolean finalised, boolean voided, long owedMinor,
      @Nullable String paymentStatus, int refundsPending, int refundsFailed, boolean creditedLater,
      long allocatedMinor, int declinedAttempts, boolean uncollectible) {

    /** No collection declined, no credit returned to it. */
    public Facts(InvoiceDocument.Kind kind, boolean finalised, boolean voided, long owedMinor,
        @Nullable String paymentStatus, int refundsPending, int refundsFailed, boolean creditedLater) {
      this(kind, finalised, voided, owedMinor, paymentStatus, refundsPending, refundsFailed, creditedLater, 0, 0, false);
    }
  }

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
    boolean nothingToPay = f.owedMinor() - f.allocatedMinor() <= 0;
    if (!nothingToPay && "PENDING_SETTLEMENT".equals(f.paymentStatus())) {
      return PENDING_SETTLEMENT;
    }
    if (!nothingToPay && !"SETTLED".equals(f.paymentStatus())) {
      if (f.uncollectible()) {
        return UNCOLLECTIBLE;
      }
      return f.declinedAttempts() > 0 ? OVERDUE : OPEN; // still owed: declined, or not collected yet
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
