package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which dates an operator may run the lifecycle and billing for (the API's billing run and
 * {@code --billing-center.run-once}). Up to "today" as the latest time zone on Earth (UTC+14) sees
 * it, so every tenant's today is allowed and missed days can be caught up; never later, because a
 * run bills every period started by its date and moves every trial and term that ended by then.
 * At most one year back: a run for a date bills a subset of what a run for today bills, so older
 * dates add nothing but the risk of a typo (and dates near the calendar's ends break date
 * arithmetic). Pure: the caller passes the clock's instant.
 */
public final class RunDates {

  /** The zone whose calendar date is ahead of every other one. */
  static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

  /** How far back a run may be dated. */
  static final Period MAX_CATCH_UP = Period.ofYears(1);

  private RunDates() {}

  /** The latest calendar date anywhere on Earth at {@code now}. */
  public static LocalDate latest(Instant now) {
    return LocalDate.ofInstant(now, LATEST_ZONE);
  }

  /** The earliest date a run may have at {@code now}. */
  public static LocalDate earliest(Instant now) {
    return latest(now).minus(MAX_CATCH_UP);
  }

  /** Why a run for {@code day} is refused at {@code now}, or empty when it may run. */
  public static Optional<BillingReason> refusal(LocalDate day, Instant now) {
    if (day.isAfter(latest(now))) {
      return Optional.of(BillingReason.RUN_DATE_AFTER_TODAY);
    }
    if (day.isBefore(earliest(now))) {
      return Optional.of(BillingReason.RUN_DATE_TOO_EARLY);
    }
    return Optional.empty();
  }
}
