package org.billingcenter.insights;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The arithmetic behind the charts' series: buckets, run rates, medians. Pure. */
public final class SeriesMath {

  private SeriesMath() {}

  /**
   * Monthly recurring revenue of a set of charged periods: monthly plans' per-period price as it is,
   * annual plans' a twelfth of theirs, rounded once, half up, to the minor unit.
   */
  public static long monthlyRunRate(long monthlyMinor, long annualMinor) {
    if (monthlyMinor < 0 || annualMinor < 0) {
      throw new IllegalArgumentException("run rates are never negative");
    }
    return Math.addExact(monthlyMinor, Math.addExact(annualMinor, 6) / 12);
  }

  /** The {@code n} calendar months up to and including {@code today}'s, oldest first. */
  public static List<YearMonth> lastMonths(LocalDate today, int n) {
    YearMonth current = YearMonth.from(today);
    List<YearMonth> months = new ArrayList<>(n);
    for (int i = n - 1; i >= 0; i--) {
      months.add(current.minusMonths(i));
    }
    return months;
  }

  /** The day a month is measured on: its last day, or today for the month still running. */
  public static LocalDate measuredOn(YearMonth month, LocalDate today) {
    LocalDate end = month.atEndOfMonth();
    return end.isAfter(today) ? today : end;
  }

  /** The Mondays of the {@code n} ISO weeks up to and including {@code today}'s, oldest first. */
  public static List<LocalDate> lastWeeks(LocalDate today, int n) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>(n);
    for (int i = n - 1; i >= 0; i--) {
      weeks.add(monday.minusWeeks(i));
    }
    return weeks;
  }

  /** The middle duration; of an even count, the mean of the two middle ones (to the second). Empty: none. */
  public static Optional<Duration> median(List<Duration> durations) {
    if (durations.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    int mid = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return Optional.of(sorted.get(mid));
    }
    long seconds = Math.addExact(sorted.get(mid - 1).toSeconds(), sorted.get(mid).toSeconds());
    return Optional.of(Duration.ofSeconds(seconds / 2));
  }
}
