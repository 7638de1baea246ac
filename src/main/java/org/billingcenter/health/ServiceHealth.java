package org.billingcenter.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The operator's health numbers, read back from the meter registry rather than from the database,
 * so the page, the API and a Prometheus scrape can never disagree.
 */
@Service
public class ServiceHealth {

  private final MeterRegistry registry;

  ServiceHealth(HealthMeters meters) {
    this.registry = meters.registry();
  }

  public HealthReport report() {
    return new HealthReport(
        count(HealthMeters.PENDING, "email"), count(HealthMeters.FAILED, "email"),
        count(HealthMeters.PENDING, "webhook"), count(HealthMeters.FAILED, "webhook"),
        count(HealthMeters.CALLBACKS_OPEN, null), count(HealthMeters.CALLBACKS_OLDEST, null),
        count(HealthMeters.DATABASE_UP, null) == 1, moment(HealthMeters.RUN_LAST_SUCCESS),
        moment(HealthMeters.SCHEDULER_NEXT), moment(HealthMeters.SCHEDULER_LAST_SUCCESS),
        moment(HealthMeters.SCHEDULER_LAST_FAILURE), count(HealthMeters.SCHEDULER_FAILURES, null));
  }

  private long count(String name, @Nullable String channel) {
    var search = registry.get(name);
    return (long) (channel == null ? search : search.tag("channel", channel)).gauge().value();
  }

  private @Nullable Instant moment(String name) {
    long seconds = count(name, null);
    return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
  }
}
