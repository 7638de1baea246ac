package org.billingcenter.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * A delivery as its log shows it: the event it carries, where it goes, how it stands, and (when read
 * one at a time) every try. {@code nextAttemptAt} only means something while PENDING.
 */
public record DeliveryRecord(
    TenantId tenant, UUID deliveryId, UUID eventId, String eventType, Channel channel, String target,
    DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
    Integer lastCode, String lastDetail, Instant finishedAt, List<Try> tries) {

  /** One try: {@code n} counts from 1. */
  public record Try(int n, Instant at, Attempt.Outcome outcome, Integer code, long latencyMillis, String detail) {}

  public DeliveryRecord {
    tries = tries == null ? List.of() : List.copyOf(tries);
  }
}
