package org.billingcenter.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How long sign-in attempts must wait after failures: {@code freeFailures} wrong passwords cost
 * nothing, then each further one makes the next attempt wait twice as long as the last, from
 * {@code firstDelay} up to {@code maxDelay}; failures are forgotten {@code forgetAfter} after the
 * latest one. An attempt made while it must wait is refused without looking at the password.
 */
public record SignInDelays(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

  /** One username tried from one address: the owner elsewhere is never slowed down by it. */
  public static final SignInDelays PER_USERNAME_AND_ADDRESS =
      new SignInDelays(3, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));

  /** Any usernames tried from one address: password spraying. */
  public static final SignInDelays PER_ADDRESS =
      new SignInDelays(20, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));

  /** The failures remembered for one key: how many, and when the latest was. */
  public record Failures(int count, Instant latest) {}

  /** The wait that follows the {@code failures}-th failure: 0, ..., 0, 1, 2, 4, 8, 15, 15 minutes. */
  public Duration delayAfter(int failures) {
    int doublings = failures - freeFailures;
    if (doublings < 0) {
      return Duration.ZERO;
    }
    if (doublings >= 30) {
      return maxDelay;
    }
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** The record after one more failure at {@code now}; a forgotten record starts again at one. */
  public Failures afterFailure(Failures before, Instant now) {
    return before == null || forgotten(before, now)
        ? new Failures(1, now)
        : new Failures(before.count() + 1, now);
  }

  /** How long an attempt at {@code now} must still wait; zero when it may go ahead. */
  public Duration wait(Failures failures, Instant now) {
    if (failures == null || forgotten(failures, now)) {
      return Duration.ZERO;
    }
    Instant allowedFrom = failures.latest().plus(delayAfter(failures.count()));
    return now.isBefore(allowedFrom) ? Duration.between(now, allowedFrom) : Duration.ZERO;
  }

  public boolean forgotten(Failures failures, Instant now) {
    return !now.isBefore(failures.latest().plus(forgetAfter));
  }
}
