package org.billingcenter.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Optional query values of the list filters (order history, audit search): blank means "any"; a value
 * that is not exactly an ISO date or a UUID is refused with the filter's own reason, never a 500.
 */
public final class QueryValues {

  private QueryValues() {}

  public static @Nullable LocalDate date(@Nullable String value, Reason refusal) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() != 10) {
      throw new Rejected(refusal);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Rejected(refusal);
    }
  }

  public static @Nullable UUID uuid(@Nullable String value, Reason refusal) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() != 36) {
      throw new Rejected(refusal);
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new Rejected(refusal);
    }
  }
}
