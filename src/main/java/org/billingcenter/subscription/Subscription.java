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
    Instant cancelledAt) {

  public boolean hasPaymentMethod() {
    return paymentMethod != null;
  }
}
