package org.billingcenter.subscription;

import java.time.LocalDate;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A subscription was cancelled now (access ended) or at its term end (scheduled). {@code credit}
 * is the prorated amount owed back for {@code periodStart}'s period, returned on {@code returnOn};
 * zero for a term-end cancellation.
 */
public record SubscriptionCancelled(
    TenantId tenant,
    SubscriptionId subscription,
    boolean immediate,
    LocalDate effectiveOn,
    LocalDate periodStart,
    Money credit,
    LocalDate returnOn,
    String actor) {}
