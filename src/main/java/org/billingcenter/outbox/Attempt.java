package org.billingcenter.outbox;

/**
 * What one try to deliver came to. {@code code}: the HTTP status or SMTP reply code when there was
 * one; {@code detail}: a short excerpt of the answer or the error, for the delivery log.
 */
public record Attempt(Outcome outcome, Integer code, long latencyMillis, String detail) {

  public enum Outcome {
    /** The target took it. */
    DELIVERED,
    /** Try again later (timeouts, 5xx, refused connections, 429 ...). */
    RETRY,
    /** Trying again cannot help (the endpoint is gone or disabled, the address is invalid). */
    GIVE_UP
  }

  public static Attempt delivered(Integer code, long latencyMillis, String detail) {
    return new Attempt(Outcome.DELIVERED, code, latencyMillis, detail);
  }

  public static Attempt retry(Integer code, long latencyMillis, String detail) {
    return new Attempt(Outcome.RETRY, code, latencyMillis, detail);
  }

  public static Attempt giveUp(Integer code, long latencyMillis, String detail) {
    return new Attempt(Outcome.GIVE_UP, code, latencyMillis, detail);
  }
}
