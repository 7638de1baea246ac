package org.billingcenter.account;

import java.util.Locale;
import java.util.Set;
import org.billingcenter.shared.TenantId;

/** A login. Tenant-side accounts carry their tenant; support and operator accounts have none. */
public record AdminAccount(
    String username, TenantId tenant, String displayName, Set<Role> roles, Locale locale) {

  public AdminAccount {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
