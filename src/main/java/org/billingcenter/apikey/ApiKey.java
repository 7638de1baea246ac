package org.billingcenter.apikey;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;

/**
 * A key as lists show it: never its secret. {@code tenant} null: an operator-side key.
 * {@code prefix} ({@code bc_live_} and 12 characters) is public: it names the key in lists and is
 * the actor of what the key does.
 */
public record ApiKey(
    UUID id, TenantId tenant, String prefix, String name, Role role, String createdBy, Instant createdAt,
    Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

  public enum Status {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  public Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
  }

  public boolean usable(Instant now) {
    return status(now) == Status.ACTIVE;
  }
}
