package org.billingcenter.orderhistory;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.QueryValues;
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
    LocalDate start = QueryValues.date(from, OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID);
    LocalDate end = QueryValues.date(to, OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID);
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid();
    }
    return new OrderHistoryFilter(chosen, start, end,
        QueryValues.uuid(subscription, OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID));
  }

  private static Rejected invalid() {
    return new Rejected(OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID);
  }
}
