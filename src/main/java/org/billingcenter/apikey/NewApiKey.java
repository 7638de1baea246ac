package org.billingcenter.apikey;

import java.time.Instant;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;

/**
 * A key to create: for an organisation ({@code tenant}) or, with {@code tenant} null, for the
 * operator side; {@code expiresAt} null: it does not expire. The caller has checked that the
 * signed-in account may manage that owner's keys (see {@link ApiKeyOwner}); the service checks the
 * rest (name, role for that owner, expiry).
 */
public record NewApiKey(TenantId tenant, String name, Role role, Instant expiresAt) {

  public static NewApiKey of(ApiKeyOwner owner, String name, Role role, Instant expiresAt) {
    return new NewApiKey(owner.tenant(), name, role, expiresAt);
  }

  public ApiKeyOwner owner() {
    return new ApiKeyOwner(tenant);
  }
}
