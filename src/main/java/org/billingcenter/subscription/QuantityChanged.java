package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A subscription's quantity changed now, or a change was scheduled ({@code scheduled}). Published
 * inside the changing transaction; billing books {@code money} in it, exactly once per
 * {@code changeId} and direction.
 */
public record QuantityChanged(
    TenantId tenant,
    SubscriptionId subscription,
    UUID changeId,
    int from,
    int to,
    LocalDate effectiveOn,
    boolean scheduled,
    List<ProratedAmount> money,
    String actor) {}
