package org.billingcenter.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.billingcenter.billing.BillingRunHistory;
import org.billingcenter.billing.BillingSchedule;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Deliveries;
import org.billingcenter.support.CallbackService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the health gauges. Their values come from a few cheap queries, run at most once per
 * {@code billing-center.health.cache} (default 5 s) whoever reads them (a scrape, the page, the
 * API), so a busy Prometheus cannot load the database. Timestamps are Unix seconds, 0 for never;
 * when the database is away the other numbers keep their last value and {@code database.up} is 0.
 */
@Component
class HealthMeters {

  static final String PENDING = "billing_center.deliveries.pending";
  static final String FAILED = "billing_center.deliveries.failed";
  static final String CALLBACKS_OPEN = "billing_center.callbacks.open";
  static final String CALLBACKS_OLDEST = "billing_center.callbacks.oldest.seconds";
  static final String DATABASE_UP = "billing_center.database.up";
  static final String RUN_LAST_SUCCESS = "billing_center.billing_run.last_success";
  static final String SCHEDULER_NEXT = "billing_center.scheduler.next_run";
  static final String SCHEDULER_LAST_SUCCESS = "billing_center.scheduler.last_success";
  static final String SCHEDULER_LAST_FAILURE = "billing_center.scheduler.last_failure";
  static final String SCHEDULER_FAILURES = "billing_center.scheduler.consecutive_failures";

  private static final Logger log = LoggerFactory.getLogger(HealthMeters.class);

  private final Deliveries deliveries;
  private final CallbackService callbacks;
  private final BillingRunHistory runs;
  private final DataSource dataSource;
  private final java.time.Clock clock;
  private final long cacheNanos;
  private final MeterRegistry meters;
  private volatile HealthReading reading = HealthReading.EMPTY;
  private volatile long readAt;
  private volatile boolean read;

  HealthMeters(ObjectProvider<MeterRegistry> registry, Deliveries deliveries, CallbackService callbacks,
      BillingRunHistory runs, DataSource dataSource, java.time.Clock clock,
      @Value("${billing-center.health.cache:5s}") Duration cache) {
    this.deliveries = deliveries;
    this.callbacks = callbacks;
    this.runs = runs;
    this.dataSource = dataSource;
    this.clock = clock;
    this.cacheNanos = cache.toNanos();
    this.meters = registry.getIfAvailable(SimpleMeterRegistry::new);
    for (Channel channel : Channel.values()) {
      String tag = channel.name().toLowerCase(Locale.ROOT);
      gauge(meters, PENDING, "Deliveries still to send", r -> r.backlog(channel).pending(), tag);
      gauge(meters, FAILED, "Deliveries given up", r -> r.backlog(channel).failed(), tag);
    }
    gauge(meters, CALLBACKS_OPEN, "Open callback requests (new and claimed)", HealthReading::callbacksOpen, null);
    gauge(meters, CALLBACKS_OLDEST, "Age of the oldest open callback request", HealthReading::oldestSeconds, null);
    gauge(meters, DATABASE_UP, "1 when the database answered, else 0", r -> r.databaseUp() ? 1 : 0, null);
    gauge(meters, RUN_LAST_SUCCESS, "When the last billing run succeeded (Unix seconds)", r -> seconds(r.runLastSuccess()), null);
    gauge(meters, SCHEDULER_NEXT, "When the daily job runs next (Unix seconds)", r -> seconds(r.next()), null);
    gauge(meters, SCHEDULER_LAST_SUCCESS, "When the daily job last succeeded (Unix seconds)", r -> seconds(r.lastSuccess()), null);
    gauge(meters, SCHEDULER_LAST_FAILURE, "When the daily job last failed (Unix seconds)", r -> seconds(r.lastFailure()), null);
    gauge(meters, SCHEDULER_FAILURES, "The daily job's failures since its last success", HealthReading::failures, null);
  }

  /** The registry the gauges live in: the one {@code /actuator/prometheus} scrapes. */
  MeterRegistry registry() {
    return meters;
  }

  private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<HealthReading> value,
      String channel) {
    Gauge.Builder<HealthMeters> builder =
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description);
    if (channel != null) {
      builder.tag("channel", channel);
    }
    builder.register(meters);
  }

  private static double seconds(Instant at) {
    return at == null ? 0 : at.getEpochSecond();
  }

  /** The reading the gauges show: re-read when older than the cache time. */
  HealthReading current() {
    long now = System.nanoTime();
    if (!read || now - readAt >= cacheNanos) {
      readAt = now;
      read = true;
      reading = readNow();
    }
    return reading;
  }

  /** Forgets the cached reading, so the next gauge read queries again (tests change data and look). */
  void refresh() {
    read = false;
  }

  private HealthReading readNow() {
    boolean up = databaseUp();
    if (!up) {
      return reading.withDatabaseUp(false);
    }
    try {
      Map<Channel, Deliveries.Backlog> backlog = deliveries.backlog();
      CallbackService.QueueStats queue = callbacks.queueStats();
      BillingSchedule schedule = runs.schedule().orElse(null);
      return new HealthReading(backlog, queue.open(), queue.oldestRequestedAt(), clock.instant(), true,
          runs.lastSuccess().orElse(null), schedule);
    } catch (RuntimeException e) {
      log.warn("Health reading failed; the last numbers stand: {}", e.toString());
      return reading.withDatabaseUp(true);
    }
  }

  private boolean databaseUp() {
    try (var connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (java.sql.SQLException | RuntimeException e) {
      return false;
    }
  }
}
