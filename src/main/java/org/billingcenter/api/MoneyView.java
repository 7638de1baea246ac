package org.billingcenter.api;

import java.math.BigDecimal;
import org.billingcenter.shared.Money;

/** Money in JSON: exact minor units for machines, the decimal amount for people, the currency. */
public record MoneyView(long amountMinor, BigDecimal amount, String currency) {

  public static MoneyView of(Money money) {
    return new MoneyView(money.minor(), money.toMajor(), money.currency().getCurrencyCode());
  }
}
