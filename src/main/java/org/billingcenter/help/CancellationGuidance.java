package org.billingcenter.help;

import org.billingcenter.shared.LicenseThreshold;
import java.util.List;

/**
 * What the help panel tells an organisation, from its current subscriptions. Pure: it sorts them
 * into those cancellable online now, those at or above the license threshold (with how many
 * licenses to remove), and trials (nothing to cancel), and names the situation.
 */
public final class CancellationGuidance {

  private CancellationGuidance() {}

  /** One current (trial or active) subscription as the panel sees it. */
  public record Item(String subscriptionId, String productName, boolean trial, int assignedLicenses) {}

  /** An item at or above the threshold, and how many licenses bring it below. */
  public record TooMany(Item item, int licensesToRemove) {}

  public enum Situation {
    /** Nothing current: nothing to cancel. */
    NO_SUBSCRIPTIONS,
    /** Only trials: nothing to cancel, they end by themselves. */
    ONLY_TRIALS,
    /** Every paid subscription has the threshold or more assigned: only the two ways forward. */
    ALL_AT_OR_ABOVE_THRESHOLD,
    /** Every paid subscription can be cancelled online now. */
    ALL_CANCELLABLE,
    /** Some can be cancelled online now, others need licenses removed or a call. */
    MIXED
  }

  public record Guidance(
      Situation situation, int threshold, List<Item> cancellableNow, List<TooMany> tooMany, List<Item> trials) {}

  public static Guidance of(List<Item> current, int threshold) {
    List<Item> trials = current.stream().filter(Item::trial).toList();
    List<Item> paid = current.stream().filter(i -> !i.trial()).toList();
    List<Item> cancellable = paid.stream().filter(i -> LicenseThreshold.allowsOnline(i.assignedLicenses(), threshold)).toList();
    List<TooMany> tooMany =
        paid.stream()
            .filter(i -> !LicenseThreshold.allowsOnline(i.assignedLicenses(), threshold))
            .map(i -> new TooMany(i, LicenseThreshold.licensesToRemove(i.assignedLicenses(), threshold)))
            .toList();
    Situation situation;
    if (current.isEmpty()) {
      situation = Situation.NO_SUBSCRIPTIONS;
    } else if (paid.isEmpty()) {
      situation = Situation.ONLY_TRIALS;
    } else if (cancellable.isEmpty()) {
      situation = Situation.ALL_AT_OR_ABOVE_THRESHOLD;
    } else if (tooMany.isEmpty()) {
      situation = Situation.ALL_CANCELLABLE;
    } else {
      situation = Situation.MIXED;
    }
    return new Guidance(situation, threshold, cancellable, tooMany, trials);
  }
}
