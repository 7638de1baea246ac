package org.billingcenter.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartScaleTest {

  @ParameterizedTest(name = "a maximum of {0} gets a scale to {1} in steps of {2}")
  @CsvSource({
      "0, 1, 1",
      "-5, 1, 1",
      "1, 1, 1",
      "3, 3, 1",
      "7, 8, 2",
      "10, 10, 2",
      "11, 15, 5",
      "26, 30, 10",
      "99, 100, 20",
      "101, 150, 50",
      "26926, 30000, 10000",
      "1000000, 1000000, 200000"})
  void the_top_is_the_first_nice_multiple_that_holds_the_maximum(long max, long top, long step) {
    ChartScale scale = ChartScale.holding(max);
    assertThat(scale.top()).isEqualTo(top);
    assertThat(scale.step()).isEqualTo(step);
  }

  @Test
  void ticks_run_from_zero_to_the_top() {
    assertThat(ChartScale.holding(26).ticks()).containsExactly(0L, 10L, 20L, 30L);
  }

  @Test
  void a_value_beyond_the_axis_is_drawn_at_its_edge() {
    ChartScale scale = new ChartScale(10, 2);
    assertThat(scale.fraction(5)).isEqualTo(0.5);
    assertThat(scale.fraction(12)).isEqualTo(1.0);
    assertThat(scale.fraction(-3)).isEqualTo(0.0);
  }

  @Test
  void a_top_that_is_no_multiple_of_its_step_is_refused() {
    assertThatThrownBy(() -> new ChartScale(7, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void every_maximum_fits_with_at_most_ten_ticks_and_a_step_of_1_2_or_5_times_a_power_of_ten(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long max) {
    ChartScale scale = ChartScale.holding(max);
    assertThat(scale.top()).isGreaterThanOrEqualTo(max);
    assertThat(scale.ticks().size()).isBetween(2, 11);
    long step = scale.step();
    while (step % 10 == 0) {
      step /= 10;
    }
    assertThat(step).isIn(1L, 2L, 5L);
  }
}
