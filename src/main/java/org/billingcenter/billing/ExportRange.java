package org.billingcenter.billing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.billingcenter.shared.Rejected;

/**
 * The tenant-local days an export covers, {@code from} to {@code to}, both inclusive. Built only by
 * {@link #parse}, which the API and the page share, so both refuse the same input with the same codes.
 */
public record ExportRange(LocalDate from, LocalDate to) {

  /** The longest range when the operator sets none: a (leap) year. */
  public static final int DEFAULT_MAX_DAYS = 366;

  /**
   * The range of two query values, or a {@link Rejected} with an {@link ExportReason}: both required,
   * ISO dates, from ≤ to, at most {@code maxDays} days counting both ends.
   */
  public static ExportRange parse(String from, String to, int maxDays) {
    if (blank(from) || blank(to)) {
      throw new Rejected(ExportReason.EXPORT_DATES_REQUIRED);
    }
    LocalDate start = date(from);
    LocalDate end = date(to);
    if (start.isAfter(end)) {
      throw new Rejected(ExportReason.EXPORT_RANGE_REVERSED);
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
      throw new Rejected(ExportReason.EXPORT_RANGE_TOO_LONG, maxDays);
    }
    return new ExportRange(start, end);
  }

  /** The calendar year of {@code today}: what the form offers first. */
  public static ExportRange yearOf(LocalDate today) {
    return new ExportRange(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static LocalDate date(String value) {
    // Short inputs only: a 10-character ISO date; anything longer is refused before parsing.
    if (value.length() != 10) {
      throw new Rejected(ExportReason.EXPORT_DATE_INVALID);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Rejected(ExportReason.EXPORT_DATE_INVALID);
    }
  }
}
