package org.billingcenter.planchange;

import java.time.LocalDate;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.SubscriptionStatus;

/**
 * Everything the policy looks at, read in one place so the decision is a pure function of it.
 *
 * @param renews recurring billing is on and the subscription is not set to end
 * @param requestedPlanId the plan asked for; null when the caller asked for "the other billing
 *     frequency" of the current product
 * @param target that plan from the catalog, or null when there is none
 * @param billedUnitPrice the unit price the current period is billed at (its current terms), which
 *     is what an upgrade is compared with and what the credit gives back
 * @param nextInvoiceOn the organisation's next invoice, where the prorated charge goes
 * @param creditReturnOn the organisation's next billing date, where the prorated credit comes back
 * @param targetRenewalPrice the target's list price on the renewal day, what a change at renewal is
 *     charged from (a price change in force by then included); null: the target's price today
 */
public record PlanChangeSnapshot(
    SubscriptionStatus status,
    boolean renews,
    Set<Role> roles,
    Plan current,
    String requestedPlanId,
    Plan target,
    int quantity,
    int assigned,
    BillingPeriod currentPeriod,
    Money billedUnitPrice,
    LocalDate today,
    LocalDate nextInvoiceOn,
    LocalDate creditReturnOn,
    Money targetRenewalPrice) {

  public PlanChangeSnapshot {
    roles = Set.copyOf(roles);
  }

  /** No price change between today and the renewal. */
  public PlanChangeSnapshot(SubscriptionStatus status, boolean renews, Set<Role> roles, Plan current,
      String requestedPlanId, Plan target, int quantity, int assigned, BillingPeriod currentPeriod,
      Money billedUnitPrice, LocalDate today, LocalDate nextInvoiceOn, LocalDate creditReturnOn) {
    this(status, renews, roles, current, requestedPlanId, target, quantity, assigned, currentPeriod, billedUnitPrice,
        today, nextInvoiceOn, creditReturnOn, null);
  }
}
