package org.billingcenter.payment;

import org.billingcenter.shared.Reason;

/** Issue 18: why a change to the organisation's payment methods was refused. */
public enum PaymentMethodReason implements Reason {
  /**
   * Subscriptions still pay with it (argument 0: how many), or it is the default while other methods
   * exist (argument 1: true): the admin replaces it, or chooses another default, first.
   */
  PAYMENT_METHOD_IN_USE(Kind.CONFLICT),
  /** An expiry more than {@link PaymentMethods#MAX_YEARS_AHEAD} years ahead (argument: the last year allowed). */
  PAYMENT_METHOD_EXPIRY_TOO_FAR(Kind.INVALID),
  /** No replacement named, or the method itself: another one must be chosen. */
  PAYMENT_METHOD_REPLACEMENT_INVALID(Kind.INVALID);

  private final Kind kind;

  PaymentMethodReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
