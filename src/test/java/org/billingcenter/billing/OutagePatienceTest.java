package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.billingcenter.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A billing run's step during a database outage: tried again while it lasts, never for anything else. */
class OutagePatienceTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  final OutagePatience patience = new OutagePatience(Duration.ofSeconds(120), Duration.ZERO, clock);

  /** Fails {@code failures} times with {@code error}, the clock moving {@code step} each time, then answers. */
  Supplier<String> failing(int failures, RuntimeException error, Duration step, AtomicInteger calls) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        clock.advance(step);
        throw error;
      }
      return "done";
    };
  }

  @Test
  void a_step_that_meets_a_failover_is_tried_again_until_the_new_primary_answers() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(patience.call("batch", failing(9, new CannotGetJdbcConnectionException("gone"), Duration.ofSeconds(1), calls)))
        .isEqualTo("done");
    assertThat(calls).hasValue(10);
    AtomicInteger again = new AtomicInteger();
    assertThat(patience.call("batch", failing(3, new CannotCreateTransactionException("gone"), Duration.ofSeconds(1), again)))
        .isEqualTo("done");
  }

  @Test
  void anything_but_an_outage_fails_at_once() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> patience.call("batch", failing(1, new DataIntegrityViolationException("dup"), Duration.ZERO, calls)))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(calls).hasValue(1);
    AtomicInteger bug = new AtomicInteger();
    assertThatThrownBy(() -> patience.call("batch", failing(1, new IllegalStateException("bug"), Duration.ZERO, bug)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(bug).hasValue(1);
  }

  @Test
  void an_outage_longer_than_the_patience_stops_the_run_at_its_end_not_before() {
    AtomicInteger calls = new AtomicInteger();
    // 119 s of outage: still waiting; the 120th second: given up (the next run completes it).
    assertThatThrownBy(() -> patience.call("batch", failing(1000, new CannotGetJdbcConnectionException("gone"), Duration.ofSeconds(1), calls)))
        .isInstanceOf(CannotGetJdbcConnectionException.class);
    assertThat(calls).hasValue(121);
  }
}
