package org.billingcenter.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.subscription.SubscriptionStatus;

/**
 * Everything the policy looks at, read in one place so the decision is a pure function of it.
 *
 * @param today the tenant-local date at {@code now}
 * @param charge what was billed for {@code currentPeriod}, if anything
 * @param creditReturnOn the billing run a credit would come back on
 * @param currency the currency the subscription is billed in
 * @param refundWindow the operator's refund window ({@link RefundWindow#NONE} when none is set)
 * @param requestedOn the tenant-local day of the earliest callback request (not withdrawn) about
 *     the subscription made since {@code currentPeriod} started, or null
 */
public record CancellationSnapshot(
    SubscriptionStatus status,
    boolean ending,
    List<MemberId> assigned,
    int threshold,
    boolean hasPaymentMethod,
    LocalDate trialEnd,
    Set<Role> roles,
    CancelWhen when,
    Instant now,
    LocalDate today,
    BillingPeriod currentPeriod,
    Optional<PeriodCharge> charge,
    LocalDate creditReturnOn,
    Currency currency,
    RefundWindow refundWindow,
    LocalDate requestedOn) {

  public CancellationSnapshot {
    assigned = List.copyOf(assigned);
    roles = Set.copyOf(roles);
    if (threshold < 1) {
      throw new IllegalArgumentException("license threshold must be at least 1: " + threshold);
    }
  }
}
