package org.billingcenter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The throttle's memory per node: keyed by username and address, bounded under a spray. */
class LoginThrottleTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_spray_of_random_usernames_and_addresses_cannot_grow_the_memory_without_bound() {
    LoginThrottle throttle = new LoginThrottle(CLOCK, 1_000);
    for (int i = 0; i < 20_000; i++) {
      throttle.failed(UUID.randomUUID() + "x".repeat(1_000), "10.0." + (i / 250) + "." + (i % 250));
    }
    assertThat(throttle.tracked()).isLessThanOrEqualTo(2_000);
  }

  @Test
  void failures_of_one_username_from_one_address_do_not_touch_another_address() {
    LoginThrottle throttle = new LoginThrottle(CLOCK, 1_000);
    for (int i = 0; i < 3; i++) {
      throttle.failed("Alder-Admin", "203.0.113.7");
    }
    assertThat(throttle.wait("alder-admin", "203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.wait("alder-admin", "198.51.100.2")).isZero();
    assertThat(throttle.wait("alder-billing", "203.0.113.7")).isZero();
  }

  @Test
  void the_right_password_forgets_the_pair_but_not_the_address() {
    LoginThrottle throttle = new LoginThrottle(CLOCK, 1_000);
    for (int i = 0; i < 19; i++) {
      throttle.failed("user-" + i, "203.0.113.7");
    }
    throttle.failed("alder-admin", "203.0.113.7");
    throttle.failed("alder-admin", "203.0.113.7"); // the 21st from this address: 2 min
    throttle.succeeded("alder-admin", "203.0.113.7");
    assertThat(throttle.wait("alder-admin", "203.0.113.7")).isEqualTo(Duration.ofMinutes(2));
    assertThat(throttle.wait("alder-admin", "198.51.100.2")).isZero();
  }
}
