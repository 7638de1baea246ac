package org.billingcenter.webhook;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery rows as a dispatcher leaves them, for the log's tests while the dispatcher is built
 * elsewhere: a FAILED delivery of a subscription.cancelled event with one try answered 503.
 */
public final class WebhookFixtures {

  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public WebhookFixtures(Outbox outbox, JdbcClient jdbc, Clock clock, TransactionTemplate transaction) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = transaction;
  }

  public UUID failedDelivery(TenantId tenant, UUID endpoint) {
    return transaction.execute(s -> insertFailed(tenant, endpoint));
  }

  private UUID insertFailed(TenantId tenant, UUID endpoint) {
    UUID event = outbox.append(tenant, EventType.SUBSCRIPTION_CANCELLED, UUID.randomUUID(), Map.of("actor", "test"));
    UUID delivery = UUID.randomUUID();
    var now = Utc.of(clock.instant());
    jdbc.sql("""
            insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, attempts, created_at,
                                  next_attempt_at, last_attempt_at, last_code, last_detail, finished_at)
            values (:t, :d, :e, 'WEBHOOK', :target, 'FAILED', 1, :now, :now, :now, 503, 'down', :now)
            """)
        .param("t", tenant.value()).param("d", delivery).param("e", event).param("target", endpoint.toString())
        .param("now", now).update();
    jdbc.sql("""
            insert into delivery_attempt (tenant_id, delivery_id, attempt_no, attempted_at, outcome, code, latency_ms, detail)
            values (:t, :d, 1, :now, 'RETRY', 503, 12, 'down')
            """)
        .param("t", tenant.value()).param("d", delivery).param("now", now).update();
    return delivery;
  }

  /** Turns an endpoint off as the failure tracking would (its page then offers Enable). */
  public void disable(UUID endpoint) {
    jdbc.sql("update webhook_endpoint set status = 'DISABLED', disabled_reason = 'TEST' where endpoint_id = :id")
        .param("id", endpoint).update();
  }

  public String status(TenantId tenant, UUID delivery) {
    return jdbc.sql("select status from delivery where tenant_id = :t and delivery_id = :d")
        .param("t", tenant.value()).param("d", delivery).query(String.class).single();
  }
}
