package org.billingcenter.orderhistory;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.shared.Money;

/**
 * Reads the charge and the credit an audit row carries in its after-state, where the services write
 * {@link Money#toString()} ({@code "32.26 EUR"}): license changes {@code "..., CHARGE 32.26 EUR on ..."},
 * plan changes {@code "...: credit 3.00 EUR on ..., charge 9.00 EUR on ..."}, a credit
 * {@code "33.87 EUR pending ..."}. A zero amount is no amount.
 */
public final class AuditAmounts {

  /** A charge and a credit, either absent (null). */
  public record Amounts(Money charge, Money credit) {
    public static final Amounts NONE = new Amounts(null, null);
  }

  private static final String MONEY = "(-?\\d{1,18}(?:\\.\\d{1,4})?) ([A-Z]{3})";
  private static final Pattern LABELLED = Pattern.compile("\\b(?i:(charge|credit)) " + MONEY + "\\b");
  private static final Pattern LEADING = Pattern.compile("^" + MONEY + "\\b");

  private AuditAmounts() {}

  public static Amounts of(String action, String after) {
    if (after == null) {
      return Amounts.NONE;
    }
    if ("CREDIT_RECORDED".equals(action)) {
      Matcher m = LEADING.matcher(after);
      return m.find() ? new Amounts(null, money(m.group(1), m.group(2))) : Amounts.NONE;
    }
    Money charge = null;
    Money credit = null;
    Matcher m = LABELLED.matcher(after);
    while (m.find()) {
      Money amount = money(m.group(2), m.group(3));
      if (m.group(1).equalsIgnoreCase("charge")) {
        charge = amount;
      } else {
        credit = amount;
      }
    }
    return new Amounts(charge, credit);
  }

  private static Money money(String amount, String code) {
    try {
      Currency currency = Currency.getInstance(code);
      long minor = new BigDecimal(amount).movePointRight(currency.getDefaultFractionDigits()).longValueExact();
      return minor == 0 ? null : new Money(minor, currency);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null; // not an amount we wrote: show none rather than a wrong one
    }
  }
}
