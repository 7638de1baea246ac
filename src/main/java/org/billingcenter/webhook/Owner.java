package org.billingcenter.webhook;

import java.util.Optional;
import org.billingcenter.shared.TenantId;

/**
 * Whose endpoints a caller manages: an organisation's (its Global admins) or the operator's (no
 * tenant). Always derived from the signed-in account, never from the request.
 */
public record Owner(TenantId tenant) {

  public static final Owner OPERATOR = new Owner(null);

  public static Owner of(TenantId tenant) {
    return new Owner(tenant);
  }

  public boolean isOperator() {
    return tenant == null;
  }

  public Optional<TenantId> tenantId() {
    return Optional.ofNullable(tenant);
  }
}
