package org.billingcenter.apikey.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKey;
import org.jspecify.annotations.Nullable;

/** A key as lists show it: never its secret. */
record ApiKeyView(
    String id,
    String name,
    Role role,
    @Schema(description = "The key's public beginning (bc_live_ and 12 characters); the actor in audit trails.")
    String prefix,
    ApiKey.Status status,
    String createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Schema(description = "Recorded in batches: up to a few seconds behind.")
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable String revokedBy) {

  static ApiKeyView of(ApiKey k, Instant now) {
    return new ApiKeyView(k.id().toString(), k.name(), k.role(), k.prefix(), k.status(now), k.createdBy(),
        k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.revokedAt(), k.revokedBy());
  }
}
