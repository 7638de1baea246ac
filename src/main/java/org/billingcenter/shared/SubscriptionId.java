package org.billingcenter.shared;

import java.util.Objects;
import java.util.UUID;

/** A tenant's subscription to a plan. */
public record SubscriptionId(UUID value) {

  public SubscriptionId {
    Objects.requireNonNull(value, "value");
  }

  public static SubscriptionId random() {
    return new SubscriptionId(UUID.randomUUID());
  }

  public static SubscriptionId of(String text) {
    return new SubscriptionId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
