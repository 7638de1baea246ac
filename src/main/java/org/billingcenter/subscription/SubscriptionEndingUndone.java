package org.billingcenter.subscription;

import java.time.Instant;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A term-end cancellation was taken back: the subscription renews again. Cancellation closes its
 * record of the cancellation, whichever page or API call undid it.
 */
public record SubscriptionEndingUndone(TenantId tenant, SubscriptionId subscription, Instant at, String actor) {}
