package org.billingcenter.apikey;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;

/**
 * Whose keys a caller manages, and the roles those keys may carry: an organisation's Global admin
 * manages its keys (the four organisation roles), the operator the operator-side keys (OPERATOR,
 * SUPPORT_ENGINEER). Nobody else manages keys. Derived from the signed-in account, never the request.
 */
public record ApiKeyOwner(TenantId tenant) {

  public static final ApiKeyOwner OPERATOR = new ApiKeyOwner(null);

  private static final Set<Role> OPERATOR_ROLES = EnumSet.of(Role.OPERATOR, Role.SUPPORT_ENGINEER);
  private static final Set<Role> TENANT_ROLES =
      EnumSet.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER);

  public static ApiKeyOwner of(TenantId tenant) {
    return new ApiKeyOwner(tenant);
  }

  /** The owner whose keys this account manages; empty: it manages none. */
  public static Optional<ApiKeyOwner> of(SignedInAccount me) {
    if (me.tenant().isEmpty()) {
      return me.account().has(Role.OPERATOR) ? Optional.of(OPERATOR) : Optional.empty();
    }
    return me.account().has(Role.GLOBAL_ADMIN) ? Optional.of(of(me.tenant().get())) : Optional.empty();
  }

  public boolean isOperator() {
    return tenant == null;
  }

  /** The roles this owner's keys may have, in the order forms offer them. */
  public Set<Role> roles() {
    return isOperator() ? OPERATOR_ROLES : TENANT_ROLES;
  }

  public boolean allows(Role role) {
    return role != null && roles().contains(role);
  }
}
