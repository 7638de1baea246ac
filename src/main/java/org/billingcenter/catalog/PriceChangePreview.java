package org.billingcenter.catalog;

import java.time.LocalDate;
import java.util.List;
import org.billingcenter.shared.Money;

/**
 * Exactly what a price change will do: purchases pay {@code newPrice} from {@code effectiveFrom};
 * the plan's active subscriptions keep {@code currentPrice} until their first renewal on or after
 * {@code existingFrom}, grouped here by that renewal date.
 */
public record PriceChangePreview(
    Plan plan,
    Money currentPrice,
    Money newPrice,
    LocalDate effectiveFrom,
    LocalDate existingFrom,
    int noticeDays,
    List<RenewalGroup> groups) {

  /** {@code subscriptions} start paying the new price with their renewal on {@code on}. */
  public record RenewalGroup(LocalDate on, int subscriptions) {}

  public int affected() {
    return groups.stream().mapToInt(RenewalGroup::subscriptions).sum();
  }
}
