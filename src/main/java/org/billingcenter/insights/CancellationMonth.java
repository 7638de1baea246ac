package org.billingcenter.insights;

import java.time.YearMonth;
import java.util.Map;

/** Cancellations made in one month (UTC), counted by the leaving reason the organisation gave. */
public record CancellationMonth(YearMonth month, Map<String, Long> byReason) {

  public CancellationMonth {
    byReason = Map.copyOf(byReason);
  }

  public long total() {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(String reason) {
    return byReason.getOrDefault(reason, 0L);
  }
}
