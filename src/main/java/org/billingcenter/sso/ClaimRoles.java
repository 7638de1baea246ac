package org.billingcenter.sso;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.billingcenter.account.Role;

/**
 * The roles a person gets from the ID token's claims: every mapping that matches adds its role; a
 * string claim matches when equal to the value, a list claim (e.g. {@code groups}) when it contains
 * it, a boolean or number by its text. Exact and case-sensitive, as providers send group names. No
 * mapping matches: the default role, or none (the sign-in is refused). Pure.
 */
public final class ClaimRoles {

  private ClaimRoles() {}

  public static Set<Role> of(Map<String, ?> claims, List<RoleMapping> mappings, Role defaultRole) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (RoleMapping mapping : mappings) {
      if (mapping.complete() && mapping.role().isTenantRole() && matches(claims.get(mapping.claim()), mapping.value())) {
        roles.add(mapping.role());
      }
    }
    if (roles.isEmpty() && defaultRole != null && defaultRole.isTenantRole()) {
      roles.add(defaultRole);
    }
    return roles;
  }

  private static boolean matches(Object claim, String value) {
    if (claim instanceof Collection<?> values) {
      return values.stream().anyMatch(v -> v != null && String.valueOf(v).equals(value));
    }
    if (claim instanceof Object[] values) {
      return matches(java.util.Arrays.asList(values), value);
    }
    return claim instanceof String || claim instanceof Boolean || claim instanceof Number
        ? String.valueOf(claim).equals(value)
        : false;
  }
}
