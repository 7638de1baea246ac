package org.billingcenter.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code billing.outbox.deliveries} (tries by channel and result: delivered, retried, failed),
 * {@code billing.outbox.send} (the channels' send latency) and {@code billing.outbox.due} (deliveries
 * due now: the backlog). The gauge's count is read at most every few seconds, whatever scrapes it.
 */
@Component
class OutboxMetrics {

  private static final long GAUGE_CACHE_NANOS = Duration.ofSeconds(5).toNanos();

  private final MeterRegistry registry;
  private final OutboxRepository repository;
  private final Clock clock;
  private volatile long due;
  private volatile long dueReadAt = System.nanoTime() - GAUGE_CACHE_NANOS;

  OutboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxRepository repository, Clock clock) {
    this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    this.repository = repository;
    this.clock = clock;
    Gauge.builder("billing.outbox.due", this, OutboxMetrics::due)
        .description("Outbox deliveries due now (backlog)")
        .register(this.registry);
  }

  void tried(Channel channel, DeliveryStatus status, long latencyMillis) {
    String result = switch (status) {
      case DELIVERED -> "delivered";
      case PENDING -> "retried";
      case FAILED -> "failed";
    };
    Counter.builder("billing.outbox.deliveries").tag("channel", channel.name()).tag("result", result)
        .description("Outbox delivery tries by outcome").register(registry).increment();
    Timer.builder("billing.outbox.send").tag("channel", channel.name())
        .description("Time a channel took to send one delivery").register(registry)
        .record(latencyMillis, TimeUnit.MILLISECONDS);
  }

  private double due() {
    long now = System.nanoTime();
    if (now - dueReadAt >= GAUGE_CACHE_NANOS) {
      dueReadAt = now;
      try {
        due = repository.countDue(clock.instant());
      } catch (RuntimeException e) {
        // The database is away: the last count stands until it answers again.
      }
    }
    return due;
  }
}
