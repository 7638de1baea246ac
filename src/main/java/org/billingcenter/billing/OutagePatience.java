package org.billingcenter.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.billingcenter.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a billing run rides out a database outage (issue 19): a step that failed because the
 * database went away (a failover of the primary, a switchover, a restart) rolled back whole, so it
 * is tried again, every {@code retry-every}, until it succeeds or {@code outage-patience} has passed
 * since the outage began; then the run stops as before and the next run completes it. A failover
 * of the replicated cluster takes about 10 s, so a run started before it finishes on the new
 * primary instead of stopping. Anything else (a bug, a constraint) fails at once.
 */
@Component
class OutagePatience {

  private static final Logger log = LoggerFactory.getLogger(OutagePatience.class);

  private final Duration patience;
  private final Duration retryEvery;
  private final Clock clock;

  OutagePatience(
      @Value("${billing-center.billing.outage-patience:120s}") Duration patience,
      @Value("${billing-center.billing.outage-retry-every:1s}") Duration retryEvery,
      Clock clock) {
    this.patience = patience;
    this.retryEvery = retryEvery;
    this.clock = clock;
  }

  /** Runs {@code step} (one transaction) until it succeeds, is refused for another reason, or patience runs out. */
  <T> T call(String what, Supplier<T> step) {
    Instant outageBegan = null;
    int tries = 0;
    while (true) {
      try {
        T result = step.get();
        if (outageBegan != null) {
          log.warn("{}: done after the database came back ({} tries, {} ms)", what, tries + 1,
              Duration.between(outageBegan, clock.instant()).toMillis());
        }
        return result;
      } catch (RuntimeException failed) {
        if (!Problems.databaseUnavailable(failed)) {
          throw failed;
        }
        Instant now = clock.instant();
        if (outageBegan == null) {
          outageBegan = now;
          log.warn("{}: the database is unavailable ({}); trying again every {} ms for up to {} s", what,
              failed.getClass().getSimpleName(), retryEvery.toMillis(), patience.toSeconds());
        }
        if (Duration.between(outageBegan, now).compareTo(patience) >= 0) {
          throw failed;
        }
        tries++;
        sleep();
      }
    }
  }

  private void sleep() {
    try {
      Thread.sleep(retryEvery.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", e);
    }
  }
}
