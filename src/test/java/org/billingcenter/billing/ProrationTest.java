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

class ProrationTest {

  static PeriodCharge charge(LocalDate anchor, int n, BillingFrequency f, long unitMinor, String currency, int quantity) {
    BillingPeriod period = BillingPeriod.nth(anchor, n, f);
    Money unit = Money.of(unitMinor, currency);
    return new PeriodCharge(period, unit, quantity, unit.times(quantity));
  }

  @ParameterizedTest(name = "{0} period {1} ({2}), {3} × {4} {5}, cancelled {6} → {7}")
  @CsvSource({
    // anchor,   n, freq,    unit, qty, cur, cancelled on, expected minor
    // February 2026 has 28 days: 10.00 × 3 = 30.00; cancelled on the 14th leaves 14 whole days
    "2026-02-01, 0, MONTHLY, 1000, 3, EUR, 2026-02-14, 1500",
    // the first day of a period counts as used: 27 of 28 days come back
    "2026-02-01, 0, MONTHLY, 1000, 3, EUR, 2026-02-01, 2893",
    // the last day of a period: nothing left
    "2026-02-01, 0, MONTHLY, 1000, 3, EUR, 2026-02-28, 0",
    // leap year: 29 days, 15 unused of 29 → 30.00 × 15/29 = 15.517… → 15.52
    "2028-02-01, 0, MONTHLY, 1000, 3, EUR, 2028-02-14, 1552",
    // anchor on the 31st: the second period runs 28 Feb → 31 Mar (31 days), 30 unused
    "2026-01-31, 1, MONTHLY, 3100, 1, EUR, 2026-02-28, 3000",
    // anchor on the 31st, third period 31 Mar → 30 Apr (30 days); cancel 15 Apr → 14 unused
    "2026-01-31, 2, MONTHLY, 3000, 1, EUR, 2026-04-15, 1400",
    // annual: 365 days, 13500 × 200; cancelled after exactly half a year (182 days unused of 365)
    "2026-11-24, 0, ANNUAL, 13500, 200, EUR, 2027-05-25, 1346301",
    // annual period containing 29 Feb 2028: 366 days, cancelled on its first day
    "2027-06-01, 0, ANNUAL, 36600, 1, EUR, 2027-06-01, 36500",
    // JPY has no minor unit: 1000 yen × 1 × 14/28 = 500
    "2026-02-01, 0, MONTHLY, 1000, 1, JPY, 2026-02-14, 500",
    // JPY half-up: 1001 × 14/28 = 500.5 → 501
    "2026-02-01, 0, MONTHLY, 1001, 1, JPY, 2026-02-14, 501",
    // BHD has three: 10.000 BHD × 7 × 10/30 (Apr) = 23.333… → 23.333
    "2026-04-01, 0, MONTHLY, 10000, 7, BHD, 2026-04-20, 23333",
    // cancelled before the period even began: all of it
    "2026-04-01, 0, MONTHLY, 10000, 1, EUR, 2026-03-31, 10000"
  })
  void credits_follow_the_calendar(
      LocalDate anchor, int n, BillingFrequency frequency, long unit, int quantity, String currency,
      LocalDate cancelledOn, long expected) {
    PeriodCharge charge = charge(anchor, n, frequency, unit, currency, quantity);
    Money credit = Proration.credit(charge, cancelledOn);
    assertThat(credit).isEqualTo(Money.of(expected, currency));
  }

  @ParameterizedTest(name = "cancelled {0} → {1} unused days")
  @CsvSource({"2026-03-31, 31", "2026-04-01, 29", "2026-04-29, 1", "2026-04-30, 0", "2026-05-01, 0"})
  void unused_days_are_whole_days_after_the_cancellation_day(LocalDate day, long unused) {
    BillingPeriod april = new BillingPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
    assertThat(Proration.unusedDays(april, day)).isEqualTo(Math.min(unused, 30));
  }

  @org.junit.jupiter.api.Test
  void the_credit_never_exceeds_what_was_charged_even_if_the_price_changed() {
    BillingPeriod april = new BillingPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
    PeriodCharge discounted = new PeriodCharge(april, Money.of(1000, "EUR"), 10, Money.of(5000, "EUR"));
    assertThat(Proration.credit(discounted, LocalDate.of(2026, 3, 1))).isEqualTo(Money.of(5000, "EUR"));
  }

  @Property
  void a_credit_is_never_negative_nor_more_than_the_charge(
      @ForAll @IntRange(min = 0, max = 2000) int anchorOffset,
      @ForAll @IntRange(min = 0, max = 24) int n,
      @ForAll BillingFrequency frequency,
      @ForAll @LongRange(min = 0, max = 10_000_000) long unit,
      @ForAll @IntRange(min = 1, max = 10_000) int quantity,
      @ForAll @IntRange(min = -40, max = 400) int cancelOffset) {
    PeriodCharge charge = charge(LocalDate.of(2025, 1, 1).plusDays(anchorOffset), n, frequency, unit, "EUR", quantity);
    Money credit = Proration.credit(charge, charge.period().start().plusDays(cancelOffset));
    assertThat(credit.minor()).isBetween(0L, charge.amount().minor());
  }

  @Property
  void a_later_cancellation_never_returns_more(
      @ForAll @IntRange(min = 0, max = 2000) int anchorOffset,
      @ForAll BillingFrequency frequency,
      @ForAll @LongRange(min = 0, max = 10_000_000) long unit,
      @ForAll @IntRange(min = 1, max = 1000) int quantity,
      @ForAll @IntRange(min = 0, max = 370) int day) {
    PeriodCharge charge = charge(LocalDate.of(2025, 1, 1).plusDays(anchorOffset), 0, frequency, unit, "EUR", quantity);
    LocalDate cancelled = charge.period().start().plusDays(day);
    assertThat(Proration.credit(charge, cancelled.plusDays(1)).minor())
        .isLessThanOrEqualTo(Proration.credit(charge, cancelled).minor());
  }

  @Property
  void the_unused_share_plus_the_used_share_is_the_whole_charge_within_one_minor_unit(
      @ForAll @IntRange(min = 0, max = 2000) int anchorOffset,
      @ForAll @LongRange(min = 0, max = 1_000_000) long unit,
      @ForAll @IntRange(min = 1, max = 500) int quantity,
      @ForAll @IntRange(min = 0, max = 27) int day) {
    PeriodCharge charge = charge(LocalDate.of(2025, 1, 1).plusDays(anchorOffset), 0, BillingFrequency.MONTHLY, unit, "EUR", quantity);
    LocalDate cancelled = charge.period().start().plusDays(day);
    long unused = Proration.unusedDays(charge.period(), cancelled);
    long used = charge.period().days() - unused;
    Money usedShare = charge.amount().multiplyAndRound(used, charge.period().days());
    long sum = Proration.credit(charge, cancelled).minor() + usedShare.minor();
    assertThat(Math.abs(sum - charge.amount().minor())).isLessThanOrEqualTo(1);
  }
}
