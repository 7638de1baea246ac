package org.billingcenter.shared;

/**
 * The largest numbers anyone may send, in the API and on the pages alike. They are chosen so that
 * no product of them can overflow a {@code long} in {@link Money} arithmetic: the largest line is
 * {@code MAX_UNIT_PRICE_MINOR × MAX_QUANTITY = 10^15} minor units, so more than 9,000 such lines
 * still fit in one invoice total (a {@code long} holds about 9.2 × 10^18). Proration multiplies in
 * {@code BigInteger}. Should a sum still overflow, {@link Money} throws {@link MoneyOverflow}, which
 * the edges answer as a refusal, never as a server error.
 */
public final class Limits {

  /** 10^10 minor units: 100,000,000.00 in a two-decimal currency, per license and period. */
  public static final long MAX_UNIT_PRICE_MINOR = 10_000_000_000L;

  /** Licenses in one subscription (bought or on trial). */
  public static final int MAX_QUANTITY = 100_000;

  /** A trial lasts at most a year. */
  public static final int MAX_TRIAL_DAYS = 365;

  private Limits() {}
}
