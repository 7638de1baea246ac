package org.billingcenter.shared;

import java.util.Objects;
import java.util.UUID;

/** A stored payment method reference (never a card number). */
public record PaymentMethodId(UUID value) {

  public PaymentMethodId {
    Objects.requireNonNull(value, "value");
  }

  public static PaymentMethodId random() {
    return new PaymentMethodId(UUID.randomUUID());
  }

  public static PaymentMethodId of(String text) {
    return new PaymentMethodId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
