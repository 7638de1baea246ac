package org.billingcenter.webhook;

import java.util.Optional;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
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

  /**
   * The operator for an operator account, the organisation for its Global admin; empty for anyone
   * else (refused).
   */
  public static Optional<Owner> of(SignedInAccount me) {
    if (me.tenant().isEmpty()) {
      return me.account().has(Role.OPERATOR) ? Optional.of(OPERATOR) : Optional.empty();
    }
    return me.account().has(Role.GLOBAL_ADMIN) ? Optional.of(of(me.tenant().get())) : Optional.empty();
  }

  public boolean isOperator() {
    return tenant == null;
  }

  public Optional<TenantId> tenantId() {
    return Optional.ofNullable(tenant);
  }
}
