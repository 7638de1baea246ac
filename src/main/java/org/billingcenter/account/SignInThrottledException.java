package org.billingcenter.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt made before its wait was over: refused without looking at the password. */
public class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up (for Retry-After). */
  public long retryAfterSeconds() {
    return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }

  /** Whole minutes, rounded up (for people). */
  public long retryAfterMinutes() {
    return (retryAfterSeconds() + 59) / 60;
  }
}
