package org.billingcenter.payment;

import org.billingcenter.shared.Money;

/**
 * The payment provider, seen from Billing Center: one charge per idempotency key. A provider
 * answers a repeated key with the first call's result and never charges twice for it (as Stripe,
 * Adyen and Braintree do); {@link GatewayCalls} relies on that to retry a call whose answer was lost.
 * The default adapter is {@link SandboxProvider}.
 */
public interface PaymentProvider {

  /** A charge of {@code amount} to the payment method {@code token}. */
  record Charge(String idempotencyKey, String token, Money amount) {}

  /**
   * The provider's answer. {@code code} says why a charge was declined or failed
   * ({@link DeclineCode}); {@code reference} is the provider's id of a charge it made.
   */
  record Answer(Kind kind, String code, String reference) {

    public enum Kind {
      /** The money was taken. */
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
}
