package org.billingcenter.session;

import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;

/**
 * Whose sessions a statement may touch: an organisation's ({@code tenant_id = :tenant}) or the
 * operator side's ({@code tenant_id is null}). Always from the signed-in account, never the request.
 */
public record SessionOwner(TenantId tenant) {

  public static final SessionOwner OPERATOR_SIDE = new SessionOwner(null);

  public static SessionOwner of(SignedInAccount me) {
    return new SessionOwner(me.tenant().orElse(null));
  }

  public static SessionOwner of(TenantId tenant) {
    return new SessionOwner(tenant);
  }

  public boolean operatorSide() {
    return tenant == null;
  }
}
