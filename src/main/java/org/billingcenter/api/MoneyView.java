package org.billingcenter.api;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
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
      if (format instanceof DecimalFormat decimal) {
        DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
        symbols.setCurrencySymbol(symbol(money.currency(), locale));
        decimal.setDecimalFormatSymbols(symbols);
      }
      format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
      format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
      return format;
    });
    return ((NumberFormat) prototype.clone()).format(money.toMajor());
  }

  /**
   * The symbol the locale's language shows for the currency when it is foreign: in its home region
   * a currency often has a bare sign ("$" for TWD in zh-TW) that a multi-currency bill cannot use,
   * so the language's general form is taken ("NT$"). Elsewhere CLDR's symbol already is that form.
   */
  static String symbol(Currency currency, Locale locale) {
    boolean home = !locale.getCountry().isEmpty() && currency.equals(localCurrency(locale));
    return currency.getSymbol(home ? Locale.forLanguageTag(locale.getLanguage()) : locale);
  }

  private static Currency localCurrency(Locale locale) {
    try {
      return Currency.getInstance(locale);
    } catch (IllegalArgumentException noCurrency) {
      return null;
    }
  }

  public static MoneyView of(Money money) {
    return new MoneyView(money.minor(), money.toMajor(), money.currency().getCurrencyCode());
  }
}
