package org.billingcenter.payment;

import org.billingcenter.shared.Money;

/**
 * The payment provider, seen from Billing Center: one charge or refund per idempotency key. A
 * provider answers a repeated key with the first call's result and never moves the money twice for
 * it (as Stripe, Adyen and Braintree do); {@link GatewayCalls} relies on that to retry a call whose
 * answer was lost. The default adapter is {@link SandboxProvider}.
 */
public interface PaymentProvider {

  /** A charge of {@code amount} to the payment method {@code token}. */
  record Charge(String idempotencyKey, String token, Money amount) {}

  /** Money paid back to the payment method {@code token}. */
  record Refund(String idempotencyKey, String token, Money amount) {}

  /**
   * The provider's answer. {@code code} says why a charge or refund was declined or failed
   * ({@link DeclineCode}); {@code reference} is the provider's id of the charge or refund it made.
   */
  record Answer(Kind kind, String code, String reference) {

    public enum Kind {
      /** The money was taken (a refund: paid back). */
      SUCCEEDED,
      /** The provider refused, for good for this attempt (the card, the bank). */
      DECLINED,
      /** The provider could not answer now: the same key may be tried again safely. */
      TRANSIENT
    }

    static Answer succeeded(String reference) {
      return new Answer(Kind.SUCCEEDED, null, reference);
    }

    static Answer declined(DeclineCode code) {
      return new Answer(Kind.DECLINED, code.wire(), null);
    }

    static Answer transientError(DeclineCode code) {
      return new Answer(Kind.TRANSIENT, code.wire(), null);
    }
  }

  /** May block; {@link GatewayCalls} bounds every call with a timeout. */
  Answer charge(Charge charge);

  /** May block, as {@link #charge} may. */
  Answer refund(Refund refund);
}
