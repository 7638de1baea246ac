package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a change costs or returns for the rest of a period: the calendar, rounding, currencies. */
class ProrationForRemainingDaysTest {

  @ParameterizedTest(name = "{0} period {1} ({2}), {3} {5} × {4}, changed {6} → {7}")
  @CsvSource({
    // anchor,   n, freq,    unit, licenses, cur, changed on, expected minor
    // day 0: the day of the change counts as used, 30 of 31 March days remain: 10.00 × 5 × 30/31 = 48.387 → 48.39
    "2026-03-01, 0, MONTHLY, 1000, 5, EUR, 2026-03-01, 4839",
    // mid-period: 16 of 31 days remain → 50.00 × 16/31 = 25.806 → 25.81
    "2026-03-01, 0, MONTHLY, 1000, 5, EUR, 2026-03-15, 2581",
    // the last day: nothing remains
    "2026-03-01, 0, MONTHLY, 1000, 5, EUR, 2026-03-31, 0",
    // before the period began: the whole period
    "2026-03-01, 0, MONTHLY, 1000, 5, EUR, 2026-02-27, 5000",
    // 29 February 2028: 29 days, changed on the 29th (the last day) → 0; on the 28th → 1 day left
    "2028-02-01, 0, MONTHLY, 2900, 1, EUR, 2028-02-29, 0",
    "2028-02-01, 0, MONTHLY, 2900, 1, EUR, 2028-02-28, 100",
    // annual: 365 days, 100.00 × 2, changed after 100 days → 264 left: 20000 × 264/365 = 14465.75 → 14466
    "2026-03-10, 0, ANNUAL, 10000, 2, EUR, 2026-06-18, 14466",
    // annual period containing 29 February 2028: 366 days, changed on the first day → 365 of 366
    "2027-06-01, 0, ANNUAL, 36600, 1, EUR, 2027-06-01, 36500",
    // anchor on the 31st: period 1 runs 28 Feb → 31 Mar (31 days); changed 28 Feb → 30 left
    "2026-01-31, 1, MONTHLY, 3100, 1, EUR, 2026-02-28, 3000",
    // anchor on the 31st: period 2 runs 31 Mar → 30 Apr (30 days); changed 15 Apr → 14 left
    "2026-01-31, 2, MONTHLY, 3000, 1, EUR, 2026-04-15, 1400",
    // half a minor unit rounds up: 1.00 × 1 × 15/30 (April) = 0.50 → 0.50; 0.01 × 1 × 15/30 = 0.005 → 0.01
    "2026-04-01, 0, MONTHLY, 1, 1, EUR, 2026-04-15, 1",
    // just under half rounds down: 0.01 × 1 × 14/30 = 0.0047 → 0.00
    "2026-04-01, 0, MONTHLY, 1, 1, EUR, 2026-04-16, 0",
    // JPY has no minor unit: 1001 yen × 14/28 = 500.5 → 501
    "2026-02-01, 0, MONTHLY, 1001, 1, JPY, 2026-02-14, 501",
    "2026-02-01, 0, MONTHLY, 1000, 3, JPY, 2026-02-14, 1500",
    // no licenses: nothing
    "2026-04-01, 0, MONTHLY, 1000, 0, EUR, 2026-04-10, 0"
  })
  void amounts_follow_the_calendar(
      LocalDate anchor, int n, BillingFrequency frequency, long unit, int licenses, String currency,
      LocalDate changedOn, long expected) {
    BillingPeriod period = BillingPeriod.nth(anchor, n, frequency);
    assertThat(Proration.forRemainingDays(Money.of(unit, currency), licenses, period, changedOn))
        .isEqualTo(Money.of(expected, currency));
  }

  @ParameterizedTest(name = "{0} licenses bought and removed on day {1}")
  @CsvSource({"5, 0", "5, 14", "1, 27", "250, 3"})
  void removing_what_was_just_added_returns_what_it_cost(int licenses, int day) {
    BillingPeriod period = BillingPeriod.nth(LocalDate.of(2026, 2, 1), 0, BillingFrequency.MONTHLY);
    LocalDate today = period.start().plusDays(day);
    Money added = Proration.forRemainingDays(Money.of(1234, "EUR"), licenses, period, today);
    Money removed = Proration.forRemainingDays(Money.of(1234, "EUR"), licenses, period, today);
    assertThat(added.minus(removed).isZero()).isTrue();
    // A cancellation that day credits the same share of the same terms.
    PeriodCharge terms = new PeriodCharge(period, Money.of(1234, "EUR"), licenses, Money.of(1234L * licenses, "EUR"));
    assertThat(Proration.credit(terms, today)).isEqualTo(added);
  }

  @Property
  void a_change_and_its_inverse_on_the_same_day_net_to_zero(
      @ForAll @IntRange(min = 0, max = 2000) int anchorOffset,
      @ForAll @IntRange(min = 0, max = 24) int n,
      @ForAll BillingFrequency frequency,
      @ForAll @LongRange(min = 0, max = 10_000_000) long unit,
      @ForAll @IntRange(min = 1, max = 10_000) int licenses,
      @ForAll @IntRange(min = -5, max = 370) int dayOffset) {
    BillingPeriod period = BillingPeriod.nth(LocalDate.of(2025, 1, 1).plusDays(anchorOffset), n, frequency);
    LocalDate today = period.start().plusDays(dayOffset);
    Money charged = Proration.forRemainingDays(Money.of(unit, "EUR"), licenses, period, today);
    Money credited = Proration.forRemainingDays(Money.of(unit, "EUR"), licenses, period, today);
    assertThat(charged.minus(credited).isZero()).isTrue();
    assertThat(charged.isNegative()).isFalse();
  }

  @Property
  void a_split_of_licenses_costs_the_whole_within_one_minor_unit_per_line(
      @ForAll @IntRange(min = 0, max = 2000) int anchorOffset,
      @ForAll BillingFrequency frequency,
      @ForAll @LongRange(min = 0, max = 10_000_000) long unit,
      @ForAll @IntRange(min = 1, max = 5_000) int first,
      @ForAll @IntRange(min = 1, max = 5_000) int second,
      @ForAll @IntRange(min = 0, max = 370) int dayOffset) {
    BillingPeriod period = BillingPeriod.nth(LocalDate.of(2025, 1, 1).plusDays(anchorOffset), 0, frequency);
    LocalDate today = period.start().plusDays(dayOffset);
    Money price = Money.of(unit, "JPY");
    long whole = Proration.forRemainingDays(price, first + second, period, today).minor();
    long parts = Proration.forRemainingDays(price, first, period, today).minor()
        + Proration.forRemainingDays(price, second, period, today).minor();
    assertThat(Math.abs(parts - whole)).isLessThanOrEqualTo(2);
  }
}
