package org.billingcenter.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceScheduleTest {

  // 10.00 until 2027-03-01; 12.00 for purchases from then, for existing subscriptions from 2027-03-31
  // (announced 2027-03-01 with 30 days' notice); 15.00 from 2027-06-01, announced early enough that
  // existing subscriptions follow on the effective date itself.
  private static final PriceSchedule SCHEDULE = new PriceSchedule(eur(1000), List.of(
      new PriceChange("p", LocalDate.parse("2027-06-01"), eur(1500), LocalDate.parse("2027-06-01")),
      new PriceChange("p", LocalDate.parse("2027-03-01"), eur(1200), LocalDate.parse("2027-03-31"))));

  @ParameterizedTest(name = "a purchase on {0} pays {1}")
  @CsvSource({
      "2027-02-28, 1000", // the day before the effective date
      "2027-03-01, 1200", // the effective date itself
      "2027-03-15, 1200", // inside the notice of existing subscriptions: purchases pay the new price anyway
      "2027-05-31, 1200",
      "2027-06-01, 1500", // a second change
      "2030-01-01, 1500"})
  void a_purchase_pays_the_price_in_force_on_its_day(LocalDate day, long price) {
    assertThat(SCHEDULE.inForceOn(day)).isEqualTo(eur(price));
  }

  @ParameterizedTest(name = "anchored {0}, period from {1}: {2}")
  @CsvSource({
      // bought before any change: the old price until a period starts on or after the notice end
      "2027-01-10, 2027-02-10, 1000", // before the effective date
      "2027-01-10, 2027-03-10, 1000", // after the effective date, inside the notice
      "2027-01-31, 2027-03-31, 1200", // renewal exactly on the notice boundary
      "2027-01-30, 2027-03-30, 1000", // the day before the boundary
      "2027-01-10, 2027-04-10, 1200", // first renewal after the notice
      "2027-01-10, 2027-06-10, 1500", // several changes: the latest that reached it
      "2027-01-01, 2027-06-01, 1500", // renewal exactly on an effective date with the notice run out
      "2027-01-02, 2027-05-02, 1200", // the second change is announced but not yet effective
      // bought after a change took effect: its price from the start
      "2027-03-05, 2027-03-05, 1200", // the first period of a purchase inside the notice
      "2027-03-05, 2027-04-05, 1200",
      "2027-06-01, 2027-07-01, 1500",
      // annual plans: the whole year stays at the price of its renewal
      "2026-05-01, 2027-05-01, 1200",
      "2026-03-15, 2027-03-15, 1000", // annual renewal inside the notice keeps the old price a whole year
      "2026-03-15, 2028-03-15, 1500"})
  void an_existing_subscription_keeps_its_price_until_the_first_renewal_after_the_notice(
      LocalDate anchor, LocalDate periodStart, long price) {
    assertThat(SCHEDULE.forPeriod(anchor, periodStart)).isEqualTo(eur(price));
  }

  @ParameterizedTest(name = "effective {0}, announced {1}, {2} days: existing from {3}")
  @CsvSource({
      "2027-03-01, 2027-03-01, 30, 2027-03-31",
      "2027-03-01, 2027-01-01, 30, 2027-03-01", // notice runs out before the effective date
      "2027-03-01, 2027-01-30, 30, 2027-03-01", // exactly on the effective date
      "2027-03-01, 2027-01-31, 30, 2027-03-02",
      "2027-03-01, 2027-02-27, 0, 2027-03-01"})
  void the_notice_period_counts_from_the_announcement(
      LocalDate effective, LocalDate announced, int days, LocalDate existing) {
    assertThat(PriceSchedule.existingFrom(effective, announced, days)).isEqualTo(existing);
  }

  @ParameterizedTest(name = "anchored {0} {1}: first renewal on or after {2} is {3}")
  @CsvSource({
      "2027-01-10, MONTHLY, 2027-03-31, 2027-04-10",
      "2027-01-31, MONTHLY, 2027-03-31, 2027-03-31", // exactly on a renewal
      "2027-01-31, MONTHLY, 2027-02-28, 2027-02-28", // a 31st clamps to February's last day
      "2027-01-31, MONTHLY, 2027-03-01, 2027-03-31",
      "2027-03-31, MONTHLY, 2027-03-31, 2027-04-30", // the purchase day is not a renewal
      "2027-03-31, MONTHLY, 2027-02-01, 2027-04-30",
      "2026-05-01, ANNUAL, 2027-03-31, 2027-05-01",
      "2026-03-15, ANNUAL, 2027-03-31, 2028-03-15"})
  void the_first_renewal_on_or_after_a_day(LocalDate anchor, BillingFrequency frequency, LocalDate day, LocalDate renewal) {
    assertThat(PriceSchedule.firstRenewalOnOrAfter(anchor, frequency, day)).isEqualTo(renewal);
  }

  @ParameterizedTest(name = "on {0}: {1} scheduled")
  @CsvSource({"2027-02-01, 2", "2027-03-30, 2", "2027-03-31, 1", "2027-06-01, 0"})
  void scheduled_changes_are_those_not_yet_reaching_every_subscription(LocalDate today, int count) {
    assertThat(SCHEDULE.scheduled(today)).hasSize(count);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
