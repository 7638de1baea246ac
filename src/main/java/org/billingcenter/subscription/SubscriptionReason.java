package org.billingcenter.subscription;

import org.billingcenter.shared.Reason;

/** Why a subscription command was refused. */
public enum SubscriptionReason implements Reason {
  SUBSCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
  QUANTITY_OUT_OF_RANGE(Kind.INVALID),
  PAYMENT_METHOD_REQUIRED(Kind.INVALID),
  CURRENCY_MISMATCH(Kind.INVALID),
  TRIAL_ALREADY_RUNNING(Kind.CONFLICT),
  ILLEGAL_TRANSITION(Kind.CONFLICT),
  NOT_ENDING(Kind.CONFLICT),
  ENDING_AT_TERM(Kind.CONFLICT),
  /** The end day has come: the lifecycle ends it today (argument: the end date); reactivate it after. */
  UNDO_TOO_LATE(Kind.CONFLICT),
  /** Recurring billing is off: no renewal for a scheduled change to wait for. */
  NOT_RENEWING(Kind.CONFLICT),
  SCHEDULED_CHANGE_NOT_FOUND(Kind.NOT_FOUND),
  /** Already applied, withdrawn or voided: argument its status. */
  SCHEDULED_CHANGE_NOT_PENDING(Kind.CONFLICT);

  private final Kind kind;

  SubscriptionReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
