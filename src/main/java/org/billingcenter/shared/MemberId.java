package org.billingcenter.shared;

import java.util.Objects;
import java.util.UUID;

/** A person in a tenant who can hold licenses. */
public record MemberId(UUID value) {

  public MemberId {
    Objects.requireNonNull(value, "value");
  }

  public static MemberId random() {
    return new MemberId(UUID.randomUUID());
  }

  public static MemberId of(String text) {
    return new MemberId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
