package org.billingcenter.outbox;

import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Outboxes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox ITs' shared context: the application plus {@link ScriptedChannel}. */
@Import(ScriptedChannel.class)
abstract class AbstractOutboxIT extends DatabaseIT {

  @Autowired protected ScriptedChannel channel;
  @Autowired protected Outbox outbox;
  @Autowired protected OutboxDispatcher dispatcher;
  @Autowired protected Deliveries deliveries;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected TransactionTemplate tx;

  /** One event for {@code tenant}, committed. */
  protected UUID append(TenantId tenant) {
    return tx.execute(s -> outbox.append(tenant, EventType.SUBSCRIPTION_CANCELLED, UUID.randomUUID(),
        Map.of("subscriptionId", "s-1", "actor", "test")));
  }

  /** Rounds until one finds nothing to do (other tests' leftovers included). */
  protected void drain() {
    Outboxes.drain(dispatcher);
  }

  /** The delivery of {@code event} to the scripted target {@code name}, with its tries. */
  protected DeliveryRecord delivery(UUID event, String name) {
    UUID id = jdbc.sql("select delivery_id from delivery where event_id = :e and target = :t")
        .param("e", event).param("t", ScriptedChannel.PREFIX + name).query(UUID.class).single();
    return deliveries.find(id).orElseThrow();
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
