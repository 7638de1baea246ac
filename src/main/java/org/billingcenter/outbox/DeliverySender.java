package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.billingcenter.outbox.OutboxRepository.Claimed;
import org.billingcenter.outbox.OutboxRepository.Tried;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, one batch per transaction: claim (row locks, SKIP LOCKED), send them all at
 * once on the bounded pool, record every try, commit. The locks are held while sending, so no other
 * node sends the same delivery meanwhile; if this node dies, its locks go with its connection and
 * the deliveries, still due, are sent again under the same ids (at least once).
 */
final class DeliverySender {

  /** A delivery no channel here can send is looked at again after this (not counted as a try). */
  static final Duration ORPHAN_WAIT = Duration.ofMinutes(5);

  private final OutboxRepository repository;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final RetryPolicy retry;
  private final OutboxMetrics metrics;
  private final int batch;

  DeliverySender(OutboxRepository repository, TransactionTemplate tx, Clock clock, RetryPolicy retry,
      OutboxMetrics metrics, int batch) {
    this.repository = repository;
    this.tx = tx;
    this.clock = clock;
    this.retry = retry;
    this.metrics = metrics;
    this.batch = batch;
  }

  /** Sends one batch; returns how many deliveries it claimed (0: none due). */
  int runOnce(Channels channels, ExecutorService pool) {
    if (channels.present().isEmpty()) {
      return 0;
    }
    Integer claimed = tx.execute(status -> {
      Instant now = clock.instant();
      List<Claimed> due = repository.claimDue(channels.present(), now, batch);
      if (due.isEmpty()) {
        return 0;
      }
      Map<java.util.UUID, OutboxEvent> events =
          repository.events(due.stream().map(c -> c.delivery().eventId()).distinct().toList());
      List<Claimed> sending = new ArrayList<>();
      List<CompletableFuture<Sent>> sends = new ArrayList<>();
      List<Delivery> orphans = new ArrayList<>();
      for (Claimed c : due) {
        OutboxEvent event = events.get(c.delivery().eventId());
        Optional<DeliveryChannel> channel = event == null ? Optional.empty() : channels.sender(c.delivery());
        if (channel.isEmpty()) {
          orphans.add(c.delivery());
          continue;
        }
        sending.add(c);
        sends.add(CompletableFuture.supplyAsync(() -> sendOnce(channel.get(), c.delivery(), event), pool));
      }
      List<Tried> tried = new ArrayList<>();
      for (int i = 0; i < sending.size(); i++) {
        tried.add(outcome(sending.get(i), sends.get(i).join()));
      }
      repository.record(tried);
      repository.postpone(orphans, now.plus(ORPHAN_WAIT));
      tried.forEach(t -> metrics.tried(t.delivery().channel(), t.status(), t.attempt().latencyMillis()));
      return due.size();
    });
    return claimed == null ? 0 : claimed;
  }

  private record Sent(Instant at, Attempt attempt) {}

  /** One try; a channel that throws or answers nothing is treated as "try again later". */
  private Sent sendOnce(DeliveryChannel channel, Delivery delivery, OutboxEvent event) {
    Instant at = clock.instant();
    long start = System.nanoTime();
    Attempt attempt;
    try {
      attempt = channel.send(delivery, event);
      if (attempt == null) {
        attempt = Attempt.retry(null, millisSince(start), "the channel gave no outcome");
      }
    } catch (RuntimeException e) {
      attempt = Attempt.retry(null, millisSince(start), e.toString());
    }
    return new Sent(at, attempt);
  }

  private Tried outcome(Claimed claimed, Sent sent) {
    Delivery d = claimed.delivery();
    return switch (sent.attempt().outcome()) {
      case DELIVERED -> new Tried(d, sent.at(), sent.attempt(), DeliveryStatus.DELIVERED, null);
      case GIVE_UP -> new Tried(d, sent.at(), sent.attempt(), DeliveryStatus.FAILED, null);
      case RETRY -> retry.nextAttempt(d.attempts() + 1, claimed.budgetStart(), sent.at())
          .map(next -> new Tried(d, sent.at(), sent.attempt(), DeliveryStatus.PENDING, next))
          .orElseGet(() -> new Tried(d, sent.at(), sent.attempt(), DeliveryStatus.FAILED, null));
    };
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
