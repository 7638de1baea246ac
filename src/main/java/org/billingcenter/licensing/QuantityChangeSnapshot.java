package org.billingcenter.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.subscription.SubscriptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link QuantityChangePolicy} looks at, read in one place so the decision is a pure
 * function of it.
 *
 * @param ending cancelled at term end (no renewal is coming, whatever {@code autoRenew} says)
 * @param maxQuantity the plan's maximum, null when it has none
 * @param today the tenant-local date
 * @param currentPeriod the period running today; null for a trial
 * @param changesNow the immediate quantity changes made in {@code currentPeriod}, oldest first
 * @param reductionWindowDays licenses bought within this many days may be removed at once
 * @param when what the caller asked for; null lets the policy choose
 */
public record QuantityChangeSnapshot(
    SubscriptionStatus status,
    boolean autoRenew,
    boolean ending,
    int currentQuantity,
    int requestedQuantity,
    int assigned,
    @Nullable Integer maxQuantity,
    Set<Role> roles,
    LocalDate today,
    @Nullable BillingPeriod currentPeriod,
    List<PastChange> changesNow,
    int reductionWindowDays,
    @Nullable QuantityChangeWhen when) {

  /** An immediate change of {@code delta} licenses (positive: bought) on {@code on}. */
  public record PastChange(LocalDate on, int delta) {}

  public QuantityChangeSnapshot {
    roles = Set.copyOf(roles);
    changesNow = List.copyOf(changesNow);
    if (reductionWindowDays < 0) {
      throw new IllegalArgumentException("reduction window must not be negative: " + reductionWindowDays);
    }
  }

  /** The subscription renews at the end of the current period. */
  boolean renews() {
    return autoRenew && !ending;
  }
}
