package org.billingcenter.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: exponential backoff ({@code firstDelay × multiplier^(n-1)} after the
 * n-th failed try, at most {@code maxDelay}), spread by a random jitter of ±{@code jitter} so that
 * deliveries failing together do not come back together, and no try later than {@code giveUpAfter}
 * from the start of the budget (the delivery's creation, or its last replay). Pure: the random
 * source is given, so tests are exact.
 */
public final class RetryPolicy {

  private final long firstMillis;
  private final double multiplier;
  private final long maxMillis;
  private final Duration giveUpAfter;
  private final double jitter;
  private final DoubleSupplier random;

  /** {@code random} yields numbers in [0, 1), as {@link java.util.Random#nextDouble()} does. */
  public RetryPolicy(Duration firstDelay, double multiplier, Duration maxDelay, Duration giveUpAfter,
      double jitter, DoubleSupplier random) {
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay: " + firstDelay + ", " + maxDelay);
    }
    if (!(multiplier >= 1.0) || !(jitter >= 0.0 && jitter < 1.0) || giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("need multiplier >= 1, 0 <= jitter < 1, giveUpAfter >= 0");
    }
    this.firstMillis = firstDelay.toMillis();
    this.multiplier = multiplier;
    this.maxMillis = maxDelay.toMillis();
    this.giveUpAfter = giveUpAfter;
    this.jitter = jitter;
    this.random = random;
  }

  public static RetryPolicy of(OutboxSettings.Retry settings, DoubleSupplier random) {
    return new RetryPolicy(settings.firstDelay(), settings.multiplier(), settings.maxDelay(),
        settings.giveUpAfter(), settings.jitter(), random);
  }

  /**
   * The wait after the {@code failedTries}-th failed try (1 for the first): the backoff times a
   * factor in [1 - jitter, 1 + jitter), then capped at {@code maxDelay}, so no wait is ever longer.
   */
  public Duration delay(int failedTries) {
    if (failedTries < 1) {
      throw new IllegalArgumentException("failedTries starts at 1: " + failedTries);
    }
    // pow overflows to infinity for large n; min() brings it back to the cap.
    double backoff = Math.min((double) maxMillis, firstMillis * Math.pow(multiplier, failedTries - 1));
    double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofMillis(Math.min(maxMillis, Math.round(backoff * factor)));
  }

  /**
   * When to try next after the {@code failedTries}-th failed try at {@code now}; empty when that
   * would be later than {@code giveUpAfter} from {@code budgetStart}: the delivery has failed.
   */
  public Optional<Instant> nextAttempt(int failedTries, Instant budgetStart, Instant now) {
    Instant next = now.plus(delay(failedTries));
    return next.isAfter(budgetStart.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
  }
}
