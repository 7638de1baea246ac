package org.billingcenter.audit;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/** One recorded change. {@code before} and {@code after} are short human-readable states. */
public record AuditEvent(
    TenantId tenant,
    UUID id,
    Instant occurredAt,
    String actor,
    String action,
    String entityType,
    String entityId,
    String before,
    String after,
    String reason) {}
