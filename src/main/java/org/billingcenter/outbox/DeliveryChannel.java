package org.billingcenter.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A way out of the outbox (webhooks, e-mail): a Spring bean implementing this is found by the
 * dispatcher. Neither method may throw for a target's failure: a send answers with an {@link Attempt}.
 */
public interface DeliveryChannel {

  Channel channel();

  /**
   * The targets each of these freshly written events goes to over this channel (an event with no
   * entry goes nowhere on it). Called once per event, in the transaction that records the
   * deliveries, for a batch of events at a time.
   */
  Map<UUID, List<String>> targetsFor(List<OutboxEvent> events);

  /**
   * Tries once; called while the delivery is claimed (no other node sends it meanwhile), on one of
   * the dispatcher's sending threads, outside its transaction: a send that reads the database takes
   * a connection of its own, so keep {@code billing-center.outbox.send-concurrency} below the pool size.
   */
  Attempt send(Delivery delivery, OutboxEvent event);

  /**
   * Whether this bean sends to {@code target}. Only matters when several beans serve one channel (a
   * test's beside the real one): the first in {@code @Order} that handles a delivery's target sends it.
   */
  default boolean handles(String target) {
    return true;
  }
}
