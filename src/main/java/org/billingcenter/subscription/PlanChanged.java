package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A subscription moved to another plan now, or a move was scheduled ({@code scheduled}). Published
 * inside the changing transaction; billing books {@code money} in it, exactly once per
 * {@code changeId} and direction.
 */
public record PlanChanged(
    TenantId tenant,
    SubscriptionId subscription,
    UUID changeId,
    String fromPlan,
    String toPlan,
    LocalDate effectiveOn,
    boolean scheduled,
    List<ProratedAmount> money,
    String actor) {}
