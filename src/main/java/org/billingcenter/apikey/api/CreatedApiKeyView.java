package org.billingcenter.apikey.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.CreatedApiKey;
import org.jspecify.annotations.Nullable;

/** A new key with its secret: this answer is the only place the secret ever appears. */
record CreatedApiKeyView(
    String id,
    String name,
    Role role,
    String prefix,
    @Schema(description = "The whole key (bc_live_…_…), shown this once: send it as Authorization: Bearer <secret>."
        + " Null in a replay of an Idempotency-Key: the secret is never kept, not even for replays.")
    @Nullable String secret,
    Instant createdAt,
    @Nullable Instant expiresAt) {

  static CreatedApiKeyView of(CreatedApiKey k) {
    return new CreatedApiKeyView(k.id().toString(), k.name(), k.role(), k.prefix(), k.secret(), k.createdAt(),
        k.expiresAt());
  }
}
