package org.billingcenter.planchange;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.billingcenter.catalog.Plan;

/** Which plans a subscription on {@code current} is offered, from the catalog. Pure. */
public final class PlanChoices {

  private static final Comparator<Plan> BY_RANK_THEN_PRICE =
      Comparator.comparingInt(Plan::upgradeRank)
          .thenComparing(Plan::unitPrice)
          .thenComparing(Plan::id);

  private PlanChoices() {}

  /** Plans of a higher upgrade rank in the same currency: the nearest rank first, then the cheaper. */
  public static List<Plan> upgrades(Plan current, Collection<Plan> catalog) {
    return others(current, catalog).filter(p -> p.upgradeRank() > current.upgradeRank()).sorted(BY_RANK_THEN_PRICE).toList();
  }

  /** Every plan the subscription could move to: the upgrades first, then the rest by product and price. */
  public static List<Plan> choices(Plan current, Collection<Plan> catalog) {
    List<Plan> upgrades = upgrades(current, catalog);
    Stream<Plan> rest =
        others(current, catalog)
            .filter(p -> !upgrades.contains(p))
            .sorted(Comparator.comparing(Plan::productName).thenComparing(BY_RANK_THEN_PRICE));
    return Stream.concat(upgrades.stream(), rest).toList();
  }

  /**
   * The same product's plan of the other billing frequency in the same currency; when there are
   * several, the one whose upgrade rank is nearest the current plan's.
   */
  public static Optional<Plan> otherFrequency(Plan current, Collection<Plan> catalog) {
    return others(current, catalog)
        .filter(p -> p.productId().equals(current.productId()))
        .filter(p -> p.billingFrequency() != current.billingFrequency())
        .min(Comparator.<Plan>comparingInt(p -> Math.abs(p.upgradeRank() - current.upgradeRank()))
            .thenComparing(BY_RANK_THEN_PRICE));
  }

  private static Stream<Plan> others(Plan current, Collection<Plan> catalog) {
    return catalog.stream()
        .filter(p -> !p.id().equals(current.id()))
        .filter(p -> p.unitPrice().currency().equals(current.unitPrice().currency()));
  }
}
