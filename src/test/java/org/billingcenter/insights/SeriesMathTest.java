package org.billingcenter.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesMathTest {

  @ParameterizedTest(name = "monthly {0} + annual {1} run at {2} a month")
  @CsvSource({
      "0, 0, 0",
      "5000, 0, 5000",
      "0, 12000, 1000",
      "0, 6, 1",       // half a minor unit rounds up
      "0, 5, 0",
      "0, 18, 2",      // 1.5 rounds up
      "2200, 26400, 4400"})
  void annual_plans_count_a_twelfth_rounded_once_half_up(long monthly, long annual, long expected) {
    assertThat(SeriesMath.monthlyRunRate(monthly, annual)).isEqualTo(expected);
  }

  @Test
  void a_negative_run_rate_is_a_bug_not_a_figure() {
    assertThatThrownBy(() -> SeriesMath.monthlyRunRate(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_last_twelve_months_end_with_the_running_one_and_cross_the_year() {
    List<YearMonth> months = SeriesMath.lastMonths(LocalDate.of(2026, 3, 10), 12);
    assertThat(months).hasSize(12);
    assertThat(months.get(0)).isEqualTo(YearMonth.of(2025, 4));
    assertThat(months.get(11)).isEqualTo(YearMonth.of(2026, 3));
  }

  @Test
  void a_month_is_measured_on_its_last_day_or_today_while_it_runs() {
    LocalDate today = LocalDate.of(2026, 3, 10);
    assertThat(SeriesMath.measuredOn(YearMonth.of(2026, 2), today)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(SeriesMath.measuredOn(YearMonth.of(2024, 2), today)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(SeriesMath.measuredOn(YearMonth.of(2026, 3), today)).isEqualTo(today);
  }

  @Test
  void weeks_start_on_monday_and_end_with_this_one() {
    List<LocalDate> weeks = SeriesMath.lastWeeks(LocalDate.of(2026, 3, 10), 12); // a Tuesday
    assertThat(weeks.get(11)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(weeks.get(0)).isEqualTo(LocalDate.of(2025, 12, 22));
    assertThat(SeriesMath.lastWeeks(LocalDate.of(2026, 3, 9), 1)).containsExactly(LocalDate.of(2026, 3, 9));
  }

  @Test
  void the_median_of_an_odd_count_is_the_middle_one_whatever_the_order() {
    assertThat(SeriesMath.median(List.of(Duration.ofMinutes(90), Duration.ofMinutes(5), Duration.ofMinutes(30))))
        .contains(Duration.ofMinutes(30));
  }

  @Test
  void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assertThat(SeriesMath.median(List.of(Duration.ofMinutes(10), Duration.ofMinutes(40), Duration.ofMinutes(20),
        Duration.ofHours(5)))).contains(Duration.ofMinutes(30));
  }

  @Test
  void no_calls_no_median() {
    assertThat(SeriesMath.median(List.of())).isEmpty();
  }

  @Test
  void a_month_without_cancellations_counts_zero_for_every_reason() {
    CancellationMonth month = new CancellationMonth(YearMonth.of(2026, 3), Map.of("TOO_EXPENSIVE", 2L, "OTHER", 1L));
    assertThat(month.total()).isEqualTo(3);
    assertThat(month.count("UNUSED")).isZero();
  }
}
