package org.billingcenter.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodTest {

  @ParameterizedTest(name = "anchor {0}, period {1} = [{2}, {3})")
  @CsvSource({
    "2026-01-31, 0, 2026-01-31, 2026-02-28",
    "2026-01-31, 1, 2026-02-28, 2026-03-31",
    "2026-01-31, 2, 2026-03-31, 2026-04-30",
    "2026-01-31, 3, 2026-04-30, 2026-05-31",
    "2028-01-31, 1, 2028-02-29, 2028-03-31",
    "2026-01-30, 1, 2026-02-28, 2026-03-30",
    "2026-03-15, 9, 2026-12-15, 2027-01-15"
  })
  void monthly_periods_from_a_month_end_anchor_never_drift(
      LocalDate anchor, int n, LocalDate start, LocalDate end) {
    assertThat(BillingPeriod.nth(anchor, n, BillingFrequency.MONTHLY))
        .isEqualTo(new BillingPeriod(start, end));
  }

  @ParameterizedTest(name = "annual from {0}, period {1} = [{2}, {3})")
  @CsvSource({
    "2028-02-29, 0, 2028-02-29, 2029-02-28",
    "2028-02-29, 1, 2029-02-28, 2030-02-28",
    "2028-02-29, 4, 2032-02-29, 2033-02-28",
    "2026-11-24, 0, 2026-11-24, 2027-11-24"
  })
  void annual_periods_from_29_february(LocalDate anchor, int n, LocalDate start, LocalDate end) {
    assertThat(BillingPeriod.nth(anchor, n, BillingFrequency.ANNUAL))
        .isEqualTo(new BillingPeriod(start, end));
  }

  @Test
  void days_count_the_half_open_span() {
    assertThat(new BillingPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)).days())
        .isEqualTo(28);
    assertThat(new BillingPeriod(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 3, 1)).days())
        .isEqualTo(29);
  }

  @Test
  void the_end_day_belongs_to_the_next_period() {
    BillingPeriod p = new BillingPeriod(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 10));
    assertThat(p.contains(LocalDate.of(2026, 1, 10))).isTrue();
    assertThat(p.contains(LocalDate.of(2026, 2, 9))).isTrue();
    assertThat(p.contains(LocalDate.of(2026, 2, 10))).isFalse();
    assertThat(p.lastDay()).isEqualTo(LocalDate.of(2026, 2, 9));
  }

  @Test
  void an_empty_period_is_refused() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(() -> new BillingPeriod(day, day)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void the_period_containing_a_day_contains_it_and_follows_the_anchor(
      @ForAll @IntRange(min = 0, max = 3000) int anchorOffset,
      @ForAll @IntRange(min = 0, max = 2000) int daysLater,
      @ForAll BillingFrequency frequency) {
    LocalDate anchor = LocalDate.of(2024, 1, 1).plusDays(anchorOffset);
    LocalDate day = anchor.plusDays(daysLater);
    BillingPeriod period = BillingPeriod.containing(anchor, day, frequency);
    assertThat(period.contains(day)).isTrue();
    int n = 0;
    while (!BillingPeriod.nth(anchor, n, frequency).equals(period)) {
      assertThat(n).isLessThan(200);
      n++;
    }
  }

  @Property
  void consecutive_periods_touch_without_gap_or_overlap(
      @ForAll @IntRange(min = 0, max = 3000) int anchorOffset,
      @ForAll @IntRange(min = 0, max = 60) int n,
      @ForAll BillingFrequency frequency) {
    LocalDate anchor = LocalDate.of(2024, 1, 1).plusDays(anchorOffset);
    assertThat(BillingPeriod.nth(anchor, n, frequency).endExclusive())
        .isEqualTo(BillingPeriod.nth(anchor, n + 1, frequency).start());
  }
}
