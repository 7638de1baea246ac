package org.billingcenter.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open span of tenant-local days [start, endExclusive). Periods are always computed from
 * the anchor (the purchase day), never from the previous period, so an anchor on the 31st lands on
 * each month's last day and comes back to the 31st instead of drifting to the 28th.
 */
public record BillingPeriod(LocalDate start, LocalDate endExclusive) {

  public BillingPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(endExclusive, "endExclusive");
    if (!endExclusive.isAfter(start)) {
      throw new IllegalArgumentException("empty period " + start + ".." + endExclusive);
    }
  }

  /** The n-th period (0 = the first) of a subscription anchored on {@code anchor}. */
  public static BillingPeriod nth(LocalDate anchor, int n, BillingFrequency frequency) {
    if (n < 0) {
      throw new IllegalArgumentException("period index must not be negative: " + n);
    }
    long months = (long) frequency.months();
    return new BillingPeriod(anchor.plusMonths(n * months), anchor.plusMonths((n + 1) * months));
  }

  /** The period that contains {@code day}; days before the anchor belong to the first period. */
  public static BillingPeriod containing(LocalDate anchor, LocalDate day, BillingFrequency frequency) {
    long elapsed = Math.max(0, ChronoUnit.MONTHS.between(anchor, day) / frequency.months());
    BillingPeriod candidate = nth(anchor, (int) elapsed, frequency);
    // Clamped month ends can leave the candidate one period short; step forward until it fits.
    while (!candidate.endExclusive().isAfter(day)) {
      candidate = nth(anchor, (int) ++elapsed, frequency);
    }
    return candidate;
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, endExclusive);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(endExclusive);
  }

  /** The last day that belongs to the period. */
  public LocalDate lastDay() {
    return endExclusive.minusDays(1);
  }
}
