package org.billingcenter.billing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The daily lifecycle-and-billing job as db-scheduler keeps it: when it runs next, whether a node
 * holds it now ({@code pickedBy}), and how its last executions went.
 */
public record BillingSchedule(
    Instant nextRun,
    boolean running,
    @Nullable String pickedBy,
    @Nullable Instant lastSuccess,
    @Nullable Instant lastFailure,
    int consecutiveFailures) {}
