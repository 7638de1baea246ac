package org.billingcenter.outbox;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * One fact as written to the outbox: {@code data} is the event's JSON object (docs/EVENTS.md);
 * {@code eventId} is stable, so a receiver de-duplicates by it; {@code subjectId} is the id of what
 * the event is about (a subscription, an invoice, a callback request ...).
 */
public record OutboxEvent(
    TenantId tenant, UUID eventId, EventType type, Instant occurredAt, String subjectId, String data) {}
