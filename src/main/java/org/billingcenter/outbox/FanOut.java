package org.billingcenter.outbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.outbox.OutboxRepository.Target;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns new events into deliveries, one batch per transaction: the events are locked (other nodes
 * skip them), every channel names its targets, the deliveries are inserted due now and the events
 * marked fanned out, all or nothing. The unique (event, channel, target) keeps a repeat from
 * doubling a delivery.
 */
final class FanOut {

  private final OutboxRepository repository;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int batch;

  FanOut(OutboxRepository repository, TransactionTemplate tx, Clock clock, int batch) {
    this.repository = repository;
    this.tx = tx;
    this.clock = clock;
    this.batch = batch;
  }

  /** Fans out one batch; returns how many events it took (0: nothing to do). */
  int runOnce(Channels channels) {
    if (channels.all().isEmpty()) {
      return 0; // nothing to fan out to: the events wait for a node with channels
    }
    Integer taken = tx.execute(status -> {
      List<OutboxEvent> events = repository.claimEventsToFanOut(batch);
      if (events.isEmpty()) {
        return 0;
      }
      Set<Target> targets = new LinkedHashSet<>();
      for (DeliveryChannel channel : channels.all()) {
        Map<UUID, List<String>> byEvent = channel.targetsFor(events);
        for (OutboxEvent event : events) {
          byEvent.getOrDefault(event.eventId(), List.of())
              .forEach(target -> targets.add(new Target(event, channel.channel(), target)));
        }
      }
      repository.insertDeliveries(List.copyOf(targets), clock.instant());
      repository.markFannedOut(events.stream().map(OutboxEvent::eventId).toList());
      return events.size();
    });
    return taken == null ? 0 : taken;
  }
}
