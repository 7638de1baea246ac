package org.billingcenter.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;

/**
 * Monthly recurring revenue: each active paid subscription's unit price × quantity per month. An
 * annual plan's yearly total counts a twelfth; the sum of an organisation's annual totals in one
 * currency is divided once and rounded once (half-up), so twelve annual subscriptions do not pile
 * up twelve roundings.
 */
public final class Mrr {

  private Mrr() {}

  /** What a currency's subscriptions of one frequency add up to per billing period (price × quantity). */
  public record Total(Currency currency, BillingFrequency frequency, long periodMinor) {}

  /** One amount per currency, in currency-code order; empty when nothing is paid. */
  public static List<Money> of(Collection<Total> totals) {
    Map<String, Money[]> byCurrency = new TreeMap<>();
    for (Total total : totals) {
      Money[] sums = byCurrency.computeIfAbsent(total.currency().getCurrencyCode(),
          code -> new Money[] {Money.zero(total.currency()), Money.zero(total.currency())});
      int slot = total.frequency() == BillingFrequency.MONTHLY ? 0 : 1;
      sums[slot] = sums[slot].plus(new Money(total.periodMinor(), total.currency()));
    }
    List<Money> mrr = new ArrayList<>(byCurrency.size());
    for (Money[] sums : byCurrency.values()) {
      mrr.add(sums[0].plus(sums[1].multiplyAndRound(1, BillingFrequency.ANNUAL.months())));
    }
    return List.copyOf(mrr);
  }
}
