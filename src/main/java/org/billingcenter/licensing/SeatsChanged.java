package org.billingcenter.licensing;

import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/** Seats of a subscription were assigned or released; {@code assigned} is the new count. */
public record SeatsChanged(TenantId tenant, SubscriptionId subscription, int assigned) {}
