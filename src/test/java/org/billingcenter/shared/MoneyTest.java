package org.billingcenter.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} × {1}/{2} = {3}")
  @CsvSource({
    // minor, numerator, denominator, expected: half-up, once
    "1000, 1, 3, 333",
    "1000, 2, 3, 667",
    "1, 1, 2, 1",
    "3, 1, 2, 2",
    "5, 1, 10, 1",
    "4, 1, 10, 0",
    "-5, 1, 10, -1",
    "0, 7, 30, 0",
    "12345, 30, 30, 12345"
  })
  void multiply_and_round_rounds_half_up_exactly_once(long minor, long num, long den, long expected) {
    assertThat(Money.of(minor, "EUR").multiplyAndRound(num, den).minor()).isEqualTo(expected);
  }

  @Test
  void sums_of_different_currencies_are_refused() {
    assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "DKK")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overflow_fails_instead_of_wrapping() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void every_overflow_is_a_money_overflow_the_edges_can_refuse() {
    Money max = Money.of(Long.MAX_VALUE, "EUR");
    assertThatThrownBy(() -> max.plus(Money.of(1, "EUR"))).isInstanceOf(MoneyOverflow.class);
    assertThatThrownBy(() -> max.negate().minus(Money.of(2, "EUR"))).isInstanceOf(MoneyOverflow.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(MoneyOverflow.class);
    assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "EUR").negate()).isInstanceOf(MoneyOverflow.class);
    assertThatThrownBy(() -> max.multiplyAndRound(3, 2)).isInstanceOf(MoneyOverflow.class);
  }

  @Test
  void the_largest_price_times_the_largest_quantity_fits_thousands_of_times_in_a_long() {
    Money line = Money.of(Limits.MAX_UNIT_PRICE_MINOR, "EUR").times(Limits.MAX_QUANTITY);
    assertThat(line.minor()).isEqualTo(1_000_000_000_000_000L);
    assertThat(Long.MAX_VALUE / line.minor()).isGreaterThan(9_000);
  }

  @Test
  void major_units_follow_the_currency_minor_digits() {
    assertThat(Money.of(1250, "EUR").toMajor()).hasToString("12.50");
    assertThat(Money.of(1250, "JPY").toMajor()).hasToString("1250");
    assertThat(Money.of(1250, "BHD").toMajor()).hasToString("1.250");
  }

  @Test
  void a_currency_without_minor_units_defined_is_not_money() {
    assertThatThrownBy(() -> Money.of(1, "XXX")).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void a_share_of_an_amount_is_never_more_than_the_amount(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long minor,
      @ForAll @LongRange(min = 1, max = 366) long days,
      @ForAll @LongRange(min = 0, max = 366) long used) {
    long unused = Math.min(used, days);
    Money share = Money.of(minor, "EUR").multiplyAndRound(unused, days);
    assertThat(share.minor()).isBetween(0L, minor);
  }
}
