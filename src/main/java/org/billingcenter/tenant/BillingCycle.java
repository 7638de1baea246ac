package org.billingcenter.tenant;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The organisation's monthly billing cycle: its billing day is the day of month of its first paid
 * period, and every month has a billing date on that day, clamped to the month's last day (a 31st
 * bills on 30 April and on 28 or 29 February). Credits are returned on the next billing date,
 * whatever the frequency of the subscription they came from.
 */
public final class BillingCycle {

  private BillingCycle() {}

  /** The billing day that a first paid period starting on {@code firstPaidPeriodStart} sets. */
  public static int billingDayOf(LocalDate firstPaidPeriodStart) {
    return firstPaidPeriodStart.getDayOfMonth();
  }

  /** The billing date in {@code month}: the billing day, or the month's last day if it is shorter. */
  public static LocalDate billingDateIn(int billingDay, YearMonth month) {
    requireDayOfMonth(billingDay);
    return month.atDay(Math.min(billingDay, month.lengthOfMonth()));
  }

  /**
   * The first billing date strictly after {@code today}: on the billing date itself the next one is
   * a month away (today's billing run may already be over).
   */
  public static LocalDate nextBillingDate(int billingDay, LocalDate today) {
    LocalDate thisMonth = billingDateIn(billingDay, YearMonth.from(today));
    return thisMonth.isAfter(today) ? thisMonth : billingDateIn(billingDay, YearMonth.from(today).plusMonths(1));
  }

  private static void requireDayOfMonth(int billingDay) {
    if (billingDay < 1 || billingDay > 31) {
      throw new IllegalArgumentException("a billing day is a day of month, not " + billingDay);
    }
  }
}
