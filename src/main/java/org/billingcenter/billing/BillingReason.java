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
  RUN_DATE_TOO_EARLY(Kind.INVALID);

  private final Kind kind;

  BillingReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
