package org.billingcenter.apikey;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;

/**
 * A key just created, with its secret: the one time it leaves the server. {@code secret} is the
 * whole key a program sends ({@code Authorization: Bearer <secret>}), i.e.
 * {@code <prefix>_<256-bit random, base64url>}; only its SHA-256 is kept.
 */
public record CreatedApiKey(
    UUID id, TenantId tenant, String name, Role role, String prefix, String secret, Instant createdAt,
    Instant expiresAt) {

  /** The value of the Authorization header that uses this key. */
  public String authorization() {
    return "Bearer " + secret;
  }

  @Override
  public String toString() {
    return "CreatedApiKey[id=" + id + ", prefix=" + prefix + ", role=" + role + "]"; // never the secret
  }
}
