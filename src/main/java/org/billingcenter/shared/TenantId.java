package org.billingcenter.shared;

import java.util.Objects;
import java.util.UUID;

/** An organisation's identity; the first key of every tenant-owned row. */
public record TenantId(UUID value) {

  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  public static TenantId random() {
    return new TenantId(UUID.randomUUID());
  }

  public static TenantId of(String text) {
    return new TenantId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
