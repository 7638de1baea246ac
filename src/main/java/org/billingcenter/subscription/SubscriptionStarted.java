package org.billingcenter.subscription;

import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/** A trial was started or a subscription bought. */
public record SubscriptionStarted(
    TenantId tenant, SubscriptionId subscription, String planId, SubscriptionStatus status, int quantity) {}
