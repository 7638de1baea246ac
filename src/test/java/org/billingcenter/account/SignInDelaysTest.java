package org.billingcenter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.billingcenter.account.SignInDelays.Failures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delay schedules as tables: growing waits, capped, forgotten after a quiet hour. */
class SignInDelaysTest {

  static final Instant T = Instant.parse("2026-03-10T10:00:00Z");
  static final SignInDelays PAIR = SignInDelays.PER_USERNAME_AND_ADDRESS;
  static final SignInDelays ADDRESS = SignInDelays.PER_ADDRESS;

  @ParameterizedTest(name = "after {0} failures of one username from one address: wait {1} min")
  @CsvSource({"0, 0", "1, 0", "2, 0", "3, 1", "4, 2", "5, 4", "6, 8", "7, 15", "8, 15", "40, 15", "2147483647, 15"})
  void one_username_from_one_address_waits_1_2_4_8_then_15_minutes_after_the_third_failure(int failures, long minutes) {
    assertThat(PAIR.delayAfter(failures)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest(name = "after {0} failures from one address: wait {1} min")
  @CsvSource({"1, 0", "19, 0", "20, 1", "21, 2", "22, 4", "23, 8", "24, 15", "1000, 15"})
  void one_address_across_usernames_waits_after_twenty_failures(int failures, long minutes) {
    assertThat(ADDRESS.delayAfter(failures)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest(name = "{0} failures, latest at T, attempt at T+{1}s: wait {2}s")
  @CsvSource({
    "2,    0,    0",
    "3,    0,   60",
    "3,   59,    1",
    "3,   60,    0",
    "4,   30,   90",
    "7,    0,  900",
    "7,  899,    1",
    "7,  900,    0",
    "9, 3600,    0",
  })
  void an_attempt_waits_until_the_delay_after_the_latest_failure_has_passed(int count, long after, long wait) {
    assertThat(PAIR.wait(new Failures(count, T), T.plusSeconds(after))).isEqualTo(Duration.ofSeconds(wait));
  }

  @Test
  void failures_count_up_and_are_forgotten_an_hour_after_the_latest() {
    Failures f = null;
    for (int i = 1; i <= 4; i++) {
      f = PAIR.afterFailure(f, T.plusSeconds(i));
      assertThat(f.count()).isEqualTo(i);
    }
    assertThat(PAIR.afterFailure(f, T.plusSeconds(4).plus(Duration.ofMinutes(59))).count()).isEqualTo(5);
    assertThat(PAIR.afterFailure(f, T.plusSeconds(4).plus(Duration.ofHours(1)))).isEqualTo(new Failures(1, T.plusSeconds(4).plus(Duration.ofHours(1))));
    assertThat(PAIR.wait(null, T)).isZero();
  }

  @Test
  void an_attacker_who_keeps_trying_at_each_allowed_moment_stays_at_four_guesses_an_hour() {
    Failures f = null;
    Instant now = T;
    int guesses = 0;
    while (now.isBefore(T.plus(Duration.ofHours(3)))) {
      Duration wait = PAIR.wait(f, now);
      now = now.plus(wait);
      f = PAIR.afterFailure(f, now);
      guesses++;
    }
    // 3 free + 1, 2, 4, 8 minutes + then every 15 minutes: about 4 an hour after the first half hour
    assertThat(guesses).isBetween(14, 18);
  }
}
