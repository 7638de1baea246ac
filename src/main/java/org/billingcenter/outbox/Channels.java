package org.billingcenter.outbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DeliveryChannel} beans of this node, in {@code @Order}. A delivery none of them can
 * send (its channel's bean is missing here, e.g. during a rolling upgrade) is left for a node that
 * can; each such gap is logged once.
 */
final class Channels {

  private static final Logger log = LoggerFactory.getLogger(Channels.class);

  private final List<DeliveryChannel> beans;
  private final Set<Channel> present;
  private final Set<Channel> reported = ConcurrentHashMap.newKeySet();

  Channels(List<DeliveryChannel> beans) {
    this.beans = List.copyOf(beans);
    this.present = beans.isEmpty() ? Set.of() : EnumSet.copyOf(beans.stream().map(DeliveryChannel::channel).toList());
    if (beans.isEmpty()) {
      log.info("Outbox: no delivery channel on this node; events wait for a node that has one");
    }
  }

  List<DeliveryChannel> all() {
    return beans;
  }

  Set<Channel> present() {
    return present;
  }

  /** The bean that sends this delivery, if any here does. */
  Optional<DeliveryChannel> sender(Delivery delivery) {
    Optional<DeliveryChannel> found = beans.stream()
        .filter(b -> b.channel() == delivery.channel() && b.handles(delivery.target()))
        .findFirst();
    if (found.isEmpty() && reported.add(delivery.channel())) {
      log.warn("Outbox: no {} channel here handles target {} (delivery {}); left for another node",
          delivery.channel(), delivery.target(), delivery.deliveryId());
    }
    return found;
  }
}
