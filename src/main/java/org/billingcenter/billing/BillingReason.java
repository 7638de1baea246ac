package org.billingcenter.billing;

import org.billingcenter.shared.Reason;

/** Why a billing request was refused. */
public enum BillingReason implements Reason {
  INVOICE_NOT_FOUND(Kind.NOT_FOUND),
  /** Issue 16 (billing): an invoice filter that is neither a status nor letters, digits and dashes. */
  INVOICE_FILTER_INVALID(Kind.INVALID),
  /** A run for a date that is not yet today anywhere on Earth: argument the latest allowed date. */
  RUN_DATE_AFTER_TODAY(Kind.INVALID),
  /** A run dated further back than a catch-up needs: argument the earliest allowed date. */
  RUN_DATE_TOO_EARLY(Kind.INVALID),
  /** Issue 16 (void): a credit note cannot be voided. */
  INVOICE_VOID_CREDIT_NOTE(Kind.CONFLICT),
  /** Issue 16 (void): the invoice is void already. */
  INVOICE_ALREADY_VOID(Kind.CONFLICT),
  /** Issue 16 (void): a draft is not issued yet; the run of its day issues it. */
  INVOICE_VOID_NOT_ISSUED(Kind.CONFLICT),
  /** Issue 16 (void): the invoice is paid; a credit corrects it, a void would not. */
  INVOICE_VOID_PAID(Kind.CONFLICT),
  /** Issue 17 (runs): a past day whose run already succeeded (not a missed day): argument the day. */
  RUN_DATE_ALREADY_RUN(Kind.INVALID),
  /** Issue 17 (runs): a run for that day is going on (argument the day); wait for it to finish. */
  RUN_IN_PROGRESS(Kind.CONFLICT),
  /** Issue 17 (runs): no billing run has this id. */
  BILLING_RUN_NOT_FOUND(Kind.NOT_FOUND);

  private final Kind kind;

  BillingReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
