package org.billingcenter.payment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why a payment attempt did not take the money, or a refund did not go back, as providers name it on the wire. Each has a
 * plain-words message ({@code payment.decline.<code>}) for the mails and pages.
 */
public enum DeclineCode {
  CARD_DECLINED,
  INSUFFICIENT_FUNDS,
  EXPIRED_CARD,
  PROCESSING_ERROR,
  /** The provider did not answer in time, every time we asked. */
  TIMEOUT,
  /** The organisation has no payment method on file. */
  NO_PAYMENT_METHOD,
  /** The card's bank would not take a refund back (the account is closed, say). */
  REFUND_FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String messageKey() {
    return "payment.decline." + wire();
  }

  /** A code read back from the database; an unknown one (a newer provider's) counts as a plain decline. */
  public static DeclineCode ofWire(String wire) {
    return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst().orElse(CARD_DECLINED);
  }
}
