package org.billingcenter.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency's minor unit (cents, øre, stotinki, fen; yen has none). Never a double:
 * sums are exact and overflow fails loudly ({@link MoneyOverflow}); the only rounding is
 * {@link #multiplyAndRound}.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  /** The house rounding rule, written down once. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("not a money currency: " + currency);
    }
  }

  public static Money of(long minor, String currencyCode) {
    return new Money(minor, Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    try {
      return new Money(Math.addExact(minor, same(other).minor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflow(this + " + " + other);
    }
  }

  public Money minus(Money other) {
    try {
      return new Money(Math.subtractExact(minor, same(other).minor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflow(this + " - " + other);
    }
  }

  public Money times(long factor) {
    try {
      return new Money(Math.multiplyExact(minor, factor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflow(this + " × " + factor);
    }
  }

  public Money negate() {
    try {
      return new Money(Math.negateExact(minor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflow("-(" + this + ")");
    }
  }

  /** This amount × numerator / denominator, computed exactly and rounded once, half-up. */
  public Money multiplyAndRound(long numerator, long denominator) {
    if (denominator <= 0) {
      throw new IllegalArgumentException("denominator must be positive: " + denominator);
    }
    BigDecimal exact =
        new BigDecimal(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(numerator)));
    try {
      return new Money(
          exact.divide(BigDecimal.valueOf(denominator), 0, ROUNDING).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflow(this + " × " + numerator + " / " + denominator);
    }
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  /** The amount in major units, for display and JSON only. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(minor, same(other).minor);
  }

  private Money same(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
    }
    return other;
  }

  @Override
  public String toString() {
    return toMajor().toPlainString() + " " + currency.getCurrencyCode();
  }
}
