package org.billingcenter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BillingCycleTest {

  @ParameterizedTest(name = "billing day {0}, today {1} -> next billing date {2}")
  @CsvSource({
    // an ordinary month: before, on and after the billing day
    "28, 2026-11-27, 2026-11-28",
    "28, 2026-11-28, 2026-12-28",
    "28, 2026-11-29, 2026-12-28",
    // December to January
    "28, 2026-12-28, 2027-01-28",
    "15, 2026-12-31, 2027-01-15",
    "1,  2026-12-31, 2027-01-01",
    "1,  2027-01-01, 2027-02-01",
    // a 31st clamps to the month's last day
    "31, 2026-04-12, 2026-04-30",
    "31, 2026-04-30, 2026-05-31",
    "31, 2026-03-31, 2026-04-30",
    "31, 2026-05-30, 2026-05-31",
    "30, 2026-01-31, 2026-02-28",
    "31, 2026-01-31, 2026-02-28",
    // February, common and leap years
    "29, 2027-02-01, 2027-02-28",
    "29, 2027-02-28, 2027-03-29",
    "29, 2028-02-01, 2028-02-29",
    "29, 2028-02-29, 2028-03-29",
    "31, 2028-02-29, 2028-03-31",
    "28, 2028-02-28, 2028-03-28",
    "30, 2028-02-29, 2028-03-30",
    // the day before the billing date is the last day it is still this month's
    "10, 2026-06-09, 2026-06-10",
    "10, 2026-06-10, 2026-07-10",
  })
  void the_next_billing_date_is_strictly_after_today_on_the_clamped_billing_day(
      int billingDay, LocalDate today, LocalDate next) {
    assertThat(BillingCycle.nextBillingDate(billingDay, today)).isEqualTo(next);
  }

  @ParameterizedTest(name = "billing day {0} in {1} -> {2}")
  @CsvSource({
    "31, 2026-04, 2026-04-30",
    "31, 2026-02, 2026-02-28",
    "31, 2028-02, 2028-02-29",
    "29, 2026-02, 2026-02-28",
    "30, 2026-12, 2026-12-30",
    "1,  2026-02, 2026-02-01",
  })
  void a_billing_day_past_the_months_end_bills_on_its_last_day(int billingDay, YearMonth month, LocalDate date) {
    assertThat(BillingCycle.billingDateIn(billingDay, month)).isEqualTo(date);
  }

  @ParameterizedTest(name = "first paid period from {0} -> billing day {1}")
  @CsvSource({"2026-11-28, 28", "2026-01-31, 31", "2028-02-29, 29", "2026-03-01, 1"})
  void the_billing_day_is_the_day_of_month_of_the_first_paid_period(LocalDate start, int day) {
    assertThat(BillingCycle.billingDayOf(start)).isEqualTo(day);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, -1})
  void a_billing_day_outside_a_month_is_refused(int billingDay) {
    assertThatThrownBy(() -> BillingCycle.nextBillingDate(billingDay, LocalDate.of(2026, 11, 28)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
