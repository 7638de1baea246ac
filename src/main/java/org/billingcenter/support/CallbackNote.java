package org.billingcenter.support;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/** One note an engineer wrote on a request while working it; the history is never rewritten. */
public record CallbackNote(TenantId tenant, UUID request, UUID id, String engineer, String body, Instant createdAt) {}
