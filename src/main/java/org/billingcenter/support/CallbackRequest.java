package org.billingcenter.support;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/** A request to be called back about a subscription; {@code phone} is E.164. */
public record CallbackRequest(
    TenantId tenant,
    UUID id,
    SubscriptionId subscription,
    String contactName,
    String phone,
    String language,
    String preferredTimeWindow,
    CallbackStatus status,
    String engineer,
    String notes,
    Instant createdAt,
    Instant updatedAt) {}
