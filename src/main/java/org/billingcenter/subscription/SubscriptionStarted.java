package org.billingcenter.subscription;

import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A trial was started or a subscription bought. A purchase carries its first period and the unit
 * price it is sold at, which billing charges; a trial has no period yet.
 */
public record SubscriptionStarted(
    TenantId tenant,
    SubscriptionId subscription,
    String planId,
    SubscriptionStatus status,
    int quantity,
    BillingPeriod firstPeriod,
    Money unitPrice) {}
