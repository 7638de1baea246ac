package org.billingcenter.webhook.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.DeliveryRecord;
import org.billingcenter.outbox.DeliveryStatus;
import org.jspecify.annotations.Nullable;

/** One event on its way to one endpoint; {@code tries} only when read one at a time. */
record WebhookDeliveryView(
    String id,
    @Schema(description = "The event's id: the webhook-id header, the same on every retry and replay.")
    String eventId,
    String eventType,
    String endpointId,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    @Nullable Instant nextAttemptAt,
    @Nullable Instant lastAttemptAt,
    @Nullable Integer lastCode,
    @Nullable String lastDetail,
    @Nullable Instant finishedAt,
    List<WebhookTry> tries) {

  /** One try: its HTTP status (when there was an answer), latency and an excerpt of the answer or error. */
  record WebhookTry(int n, Instant at, Attempt.Outcome outcome, @Nullable Integer code, long latencyMillis,
      @Nullable String detail) {}

  static WebhookDeliveryView of(DeliveryRecord d) {
    return new WebhookDeliveryView(d.deliveryId().toString(), d.eventId().toString(), d.eventType(), d.target(),
        d.status(), d.attempts(), d.createdAt(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null,
        d.lastAttemptAt(), d.lastCode(), d.lastDetail(), d.finishedAt(),
        d.tries().stream().map(t -> new WebhookTry(t.n(), t.at(), t.outcome(), t.code(), t.latencyMillis(), t.detail()))
            .toList());
  }
}
