package org.billingcenter.account;

import java.util.Locale;
import java.util.Set;
import org.billingcenter.shared.TenantId;

/**
 * A login. Tenant-side accounts carry their tenant; support and operator accounts have none. The
 * e-mail address (optional, lower case) is where notifications reach a Global or Billing admin.
 */
public record AdminAccount(
    String username, TenantId tenant, String displayName, Set<Role> roles, Locale locale, String email) {

  public AdminAccount {
    roles = Set.copyOf(roles);
  }

  /** An account without an e-mail address. */
  public AdminAccount(String username, TenantId tenant, String displayName, Set<Role> roles, Locale locale) {
    this(username, tenant, displayName, roles, locale, null);
  }

  public AdminAccount withEmail(String address) {
    return new AdminAccount(username, tenant, displayName, roles, locale, address);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
