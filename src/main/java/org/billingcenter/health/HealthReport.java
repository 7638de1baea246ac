package org.billingcenter.health;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The health numbers as the gauges publish them: e-mail and webhook deliveries still to send and
 * given up, the callback queue (open requests, how long the oldest has waited), whether the
 * database answers, when a billing run last succeeded, and the daily job's schedule and failures.
 */
public record HealthReport(
    long emailsPending,
    long emailsFailed,
    long webhooksPending,
    long webhooksFailed,
    long callbacksOpen,
    long callbacksOldestSeconds,
    boolean databaseUp,
    @Nullable Instant billingRunLastSuccess,
    @Nullable Instant schedulerNextRun,
    @Nullable Instant schedulerLastSuccess,
    @Nullable Instant schedulerLastFailure,
    long schedulerConsecutiveFailures) {}
