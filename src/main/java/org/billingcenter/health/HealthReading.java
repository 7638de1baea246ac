package org.billingcenter.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.billingcenter.billing.BillingSchedule;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Deliveries;
import org.jspecify.annotations.Nullable;

/** One read of the health numbers, taken at {@code at}, which the gauges publish. */
record HealthReading(
    Map<Channel, Deliveries.Backlog> backlogs,
    long callbacksOpen,
    @Nullable Instant oldestCallback,
    Instant at,
    boolean databaseUp,
    @Nullable Instant runLastSuccess,
    @Nullable BillingSchedule schedule) {

  static final HealthReading EMPTY = new HealthReading(Map.of(), 0, null, Instant.EPOCH, false, null, null);

  Deliveries.Backlog backlog(Channel channel) {
    return backlogs.getOrDefault(channel, new Deliveries.Backlog(0, 0));
  }

  /** How long the oldest open callback request has waited, whole seconds; 0 with none open. */
  double oldestSeconds() {
    return oldestCallback == null ? 0 : Math.max(0, Duration.between(oldestCallback, at).getSeconds());
  }

  @Nullable Instant next() {
    return schedule == null ? null : schedule.nextRun();
  }

  @Nullable Instant lastSuccess() {
    return schedule == null ? null : schedule.lastSuccess();
  }

  @Nullable Instant lastFailure() {
    return schedule == null ? null : schedule.lastFailure();
  }

  double failures() {
    return schedule == null ? 0 : schedule.consecutiveFailures();
  }

  HealthReading withDatabaseUp(boolean up) {
    return new HealthReading(backlogs, callbacksOpen, oldestCallback, at, up, runLastSuccess, schedule);
  }
}
