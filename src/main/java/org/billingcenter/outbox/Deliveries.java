package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log and replays, for the channels' pages and APIs. It knows targets, not owners: the
 * caller checks that the target (an endpoint, an address) is the asker's before calling.
 */
@Service
public class Deliveries {

  private final DeliveryLogRepository log;
  private final Clock clock;

  Deliveries(DeliveryLogRepository log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A target's deliveries, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  public Page<DeliveryRecord> forTarget(Channel channel, String target, DeliveryStatus status, PageRequest page) {
    return log.forTarget(channel, target, status, page);
  }

  /** One delivery with its tries, oldest try first. */
  @Transactional(readOnly = true)
  public Optional<DeliveryRecord> find(UUID deliveryId) {
    return log.find(deliveryId);
  }

  /**
   * Sends a delivery again, as soon as a dispatcher is free, under the same ids (receivers
   * de-duplicate by the event id): a FAILED or DELIVERED one goes back to PENDING with a fresh retry
   * budget; a PENDING one is just made due now. False when there is no such delivery.
   */
  @Transactional
  public boolean replay(UUID deliveryId) {
    return log.replay(deliveryId, clock.instant());
  }

  /** Every FAILED delivery to the target created since {@code since}, replayed; returns how many. */
  @Transactional
  public int replayFailed(Channel channel, String target, Instant since) {
    return log.replayFailed(channel, target, since, clock.instant());
  }

  // Issue 17 runs: begin
  /** Deliveries of one channel still to send (PENDING, due or retrying later) and given up (FAILED). */
  public record Backlog(long pending, long failed) {}

  /** Every channel's backlog across organisations, for the operator's health meters. */
  @Transactional(readOnly = true)
  public java.util.Map<Channel, Backlog> backlog() {
    return log.backlog();
  }
  // Issue 17 runs: end
}
