package org.billingcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry schedule: 5 s × 3^(n-1), at most 10 h, ±20 % jitter, nothing after 3 days. */
class RetryPolicyTest {

  static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  static RetryPolicy policy(double random) {
    return new RetryPolicy(Duration.ofSeconds(5), 3, Duration.ofHours(10), Duration.ofDays(3), 0.2, () -> random);
  }

  @ParameterizedTest(name = "after failed try {0}, random {1}: wait {2} ms")
  @CsvSource({
    // no jitter (random 0.5): the plain backoff
    "1, 0.5, 5000",
    "2, 0.5, 15000",
    "3, 0.5, 45000",
    "4, 0.5, 135000",
    "8, 0.5, 10935000",
    "9, 0.5, 32805000",
    // 5 s × 3^9 = 27.3 h: capped at 10 h
    "10, 0.5, 36000000",
    "1000, 0.5, 36000000",
    // the jitter's ends: random 0 takes 20 % off, random near 1 adds almost 20 %
    "1, 0.0, 4000",
    "1, 0.999999, 6000",
    "2, 0.0, 12000",
    "2, 0.75, 16500",
    // at the cap the jitter can only shorten the wait: no wait is ever longer than 10 h
    "10, 0.0, 28800000",
    "10, 0.999999, 36000000",
    "9, 0.999999, 36000000",
    "9, 0.0, 26244000",
  })
  void waits_grow_by_the_multiplier_up_to_the_cap_with_jitter(int failedTries, double random, long millis) {
    assertThat(policy(random).delay(failedTries)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void a_try_exactly_at_the_end_of_the_budget_is_still_made_one_a_millisecond_later_is_not() {
    RetryPolicy p = policy(0.5);
    Instant start = T0.minus(Duration.ofDays(3)).plusSeconds(5);
    assertThat(p.nextAttempt(1, start, T0)).contains(T0.plusSeconds(5));
    assertThat(p.nextAttempt(1, start.minusMillis(1), T0)).isEmpty();
  }

  @Test
  void the_budget_counts_from_its_start_not_from_the_first_try() {
    RetryPolicy p = policy(0.5);
    assertThat(p.nextAttempt(3, T0, T0.plus(Duration.ofDays(2)))).isPresent();
    assertThat(p.nextAttempt(3, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void a_delivery_failing_forever_is_tried_fifteen_times_in_three_days() {
    RetryPolicy p = policy(0.5);
    Instant at = T0;
    int tries = 1;
    Optional<Instant> next;
    while ((next = p.nextAttempt(tries, T0, at)).isPresent()) {
      at = next.get();
      tries++;
    }
    assertThat(tries).isEqualTo(15);
    assertThat(at).isBetween(T0.plus(Duration.ofDays(3)).minus(Duration.ofHours(10)), T0.plus(Duration.ofDays(3)));
  }

  @Test
  void nonsense_settings_and_try_numbers_are_refused() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 3, Duration.ofHours(1), Duration.ofDays(1), 0.2, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), 3, Duration.ofHours(1), Duration.ofDays(1), 0.2, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofHours(1), Duration.ofDays(1), 0.2, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofHours(1), Duration.ofDays(1), 1.0, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy(0.5).delay(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void every_wait_is_within_the_jitter_of_the_backoff_and_never_beyond_the_cap_or_the_budget(
      @ForAll @IntRange(min = 1, max = 10_000) int failedTries,
      @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
      @ForAll @IntRange(min = 0, max = 4 * 24 * 3600) int secondsIntoBudget) {
    RetryPolicy p = policy(random);
    Duration wait = p.delay(failedTries);
    double backoff = Math.min(36_000_000.0, 5_000 * Math.pow(3, failedTries - 1));
    assertThat(wait.toMillis()).isBetween((long) Math.floor(backoff * 0.8), (long) Math.ceil(Math.min(backoff * 1.2, 36_000_000)));
    assertThat(wait).isLessThanOrEqualTo(Duration.ofHours(10));
    assertThat(policy(random).delay(failedTries + 1)).as("never shorter for a later try with the same jitter")
        .isGreaterThanOrEqualTo(wait);

    Instant now = T0.plusSeconds(secondsIntoBudget);
    p.nextAttempt(failedTries, T0, now).ifPresent(next -> {
      assertThat(next).isEqualTo(now.plus(wait));
      assertThat(next).isBeforeOrEqualTo(T0.plus(Duration.ofDays(3)));
    });
  }
}
