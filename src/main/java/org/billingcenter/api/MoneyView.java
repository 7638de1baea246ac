package org.billingcenter.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.billingcenter.shared.Money;

/** Money in JSON: exact minor units for machines, the decimal amount for people, the currency. */
public record MoneyView(long amountMinor, BigDecimal amount, String currency) {

  /** Set-up formats by locale and currency; a clone is used each time (a NumberFormat is not thread-safe). */
  private static final Map<String, NumberFormat> FORMATS = new ConcurrentHashMap<>();

  /** The amount as a person reads it in {@code locale}, always in the money's own currency. */
  public static String format(Money money, Locale locale) {
    NumberFormat prototype = FORMATS.computeIfAbsent(locale.toLanguageTag() + "|" + money.currency(), k -> {
      NumberFormat format = NumberFormat.getCurrencyInstance(locale);
      format.setCurrency(money.currency());
      format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
      format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
      return format;
    });
    return ((NumberFormat) prototype.clone()).format(money.toMajor());
  }

  public static MoneyView of(Money money) {
    return new MoneyView(money.minor(), money.toMajor(), money.currency().getCurrencyCode());
  }
}
