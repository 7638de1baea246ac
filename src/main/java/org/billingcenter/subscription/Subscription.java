package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A tenant's subscription to a plan. {@code anchorDate} is the purchase (or conversion) day that
 * every period is counted from; trials have no period yet, only a {@code trialEnd}.
 */
public record Subscription(
    TenantId tenant,
    SubscriptionId id,
    String planId,
    int quantity,
    SubscriptionStatus status,
    boolean autoRenew,
    LocalDate anchorDate,
    BillingPeriod currentPeriod,
    LocalDate trialEnd,
    PaymentMethodId paymentMethod,
    Instant createdAt,
    Instant cancelledAt,
    LocalDate scheduledCancelOn) {

  public boolean hasPaymentMethod() {
    return paymentMethod != null;
  }

  /** Cancelled at term end, not yet ended: it shows as ending on that date. */
  public boolean isEnding() {
    return scheduledCancelOn != null;
  }

  Subscription withStatus(SubscriptionStatus newStatus, Instant cancelled) {
    return new Subscription(tenant, id, planId, quantity, newStatus, false, anchorDate, currentPeriod,
        trialEnd, paymentMethod, createdAt, cancelled, null);
  }

  Subscription withPaymentMethod(PaymentMethodId method) {
    return new Subscription(tenant, id, planId, quantity, status, autoRenew, anchorDate, currentPeriod,
        trialEnd, method, createdAt, cancelledAt, scheduledCancelOn);
  }

  Subscription withAutoRenew(boolean renew) {
    return new Subscription(tenant, id, planId, quantity, status, renew, anchorDate, currentPeriod,
        trialEnd, paymentMethod, createdAt, cancelledAt, null);
  }

  /** Back to {@code newStatus} with a new anchor and first period, renewing, paid with {@code method}. */
  Subscription restarted(SubscriptionStatus newStatus, BillingPeriod first, PaymentMethodId method) {
    return new Subscription(tenant, id, planId, quantity, newStatus, true, first.start(), first, trialEnd,
        method, createdAt, cancelledAt, null);
  }

  Subscription withSchedule(LocalDate cancelOn) {
    return new Subscription(tenant, id, planId, quantity, status, cancelOn == null, anchorDate,
        currentPeriod, trialEnd, paymentMethod, createdAt, cancelledAt, cancelOn);
  }

  Subscription withQuantity(int newQuantity) {
    return new Subscription(tenant, id, planId, newQuantity, status, autoRenew, anchorDate, currentPeriod,
        trialEnd, paymentMethod, createdAt, cancelledAt, scheduledCancelOn);
  }

  /** On another plan; {@code anchor} is where later periods are counted from. */
  Subscription withPlan(String newPlanId, LocalDate anchor) {
    return new Subscription(tenant, id, newPlanId, quantity, status, autoRenew, anchor, currentPeriod,
        trialEnd, paymentMethod, createdAt, cancelledAt, scheduledCancelOn);
  }
}
