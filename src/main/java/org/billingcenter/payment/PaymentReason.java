package org.billingcenter.payment;

import org.billingcenter.shared.Reason;

/** Why paying the balance, or reading an invoice's payment attempts, was refused. */
public enum PaymentReason implements Reason {
  /** No invoice is overdue: there is nothing to pay now (a second payment finds this). */
  NOTHING_OVERDUE(Kind.CONFLICT),
  /** Every overdue invoice has a try in flight: its answer must come first. */
  PAYMENT_IN_PROGRESS(Kind.CONFLICT),
  /** The balance changed between the confirmation and the payment (argument: the new amount). */
  BALANCE_CHANGED(Kind.CONFLICT),
  /** Neither or both of a payment method on file and a new card were given. */
  PAYMENT_METHOD_CHOICE(Kind.INVALID);

  private final Kind kind;

  PaymentReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
