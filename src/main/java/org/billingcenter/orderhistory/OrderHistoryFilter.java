package org.billingcenter.orderhistory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to list: some types (none = all), tenant-local days {@code from}–{@code to} (inclusive,
 * either open), one subscription. Parsed once from query values for the API and the page alike.
 */
public record OrderHistoryFilter(
    Set<OrderHistoryType> types, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID subscription) {

  public static final OrderHistoryFilter ALL = new OrderHistoryFilter(Set.of(), null, null, null);

  public OrderHistoryFilter {
    types = Set.copyOf(types);
  }

  /** Refuses anything unreadable with {@link OrderHistoryReason#ORDER_HISTORY_FILTER_INVALID}. */
  public static OrderHistoryFilter parse(@Nullable List<String> types, @Nullable String from, @Nullable String to,
      @Nullable String subscription) {
    Set<OrderHistoryType> chosen = EnumSet.noneOf(OrderHistoryType.class);
    for (String type : types == null ? List.<String>of() : types) {
      if (type.isBlank()) {
        continue;
      }
      try {
        chosen.add(OrderHistoryType.valueOf(type));
      } catch (IllegalArgumentException e) {
        throw invalid();
      }
    }
    LocalDate start = date(from);
    LocalDate end = date(to);
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid();
    }
    return new OrderHistoryFilter(chosen, start, end, uuid(subscription));
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() != 10) {
      throw invalid();
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  private static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() != 36) {
      throw invalid();
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static Rejected invalid() {
    return new Rejected(OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID);
  }
}
