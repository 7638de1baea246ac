package org.billingcenter.session;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * One signed-in browser session as the registry keeps it. {@code lastSeenAt} lags up to one flush
 * interval behind the last request (it is written in batches); {@code device} is a short
 * description read from the browser's User-Agent.
 */
public record WebSession(UUID id, TenantId tenant, String username, Instant createdAt, Instant lastSeenAt,
    String clientAddress, String device) {}
