package org.billingcenter.admins;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.LastGlobalAdmin;
import org.billingcenter.account.Role;

/**
 * Whether an admin's roles may change, or the admin be removed: only to tenant roles (at least one),
 * and never so that the organisation is left without an enabled Global admin.
 */
public final class AdminChangePolicy {

  private AdminChangePolicy() {}

  /**
   * {@code admins}: the organisation's enabled accounts as they are; {@code target}: the one to
   * change; {@code newRoles}: its roles afterwards, empty for a removal.
   */
  public static Optional<AdminsReason> check(Collection<AdminAccount> admins, String target, Set<Role> newRoles,
      boolean removal) {
    Optional<AdminAccount> account = admins.stream().filter(a -> a.username().equals(target)).findFirst();
    if (account.isEmpty()) {
      return Optional.of(AdminsReason.ADMIN_NOT_FOUND);
    }
    if (!removal && (newRoles.isEmpty() || !newRoles.stream().allMatch(Role::isTenantRole))) {
      return Optional.of(AdminsReason.ROLES_INVALID);
    }
    boolean losesGlobal = removal || !newRoles.contains(Role.GLOBAL_ADMIN);
    if (losesGlobal && LastGlobalAdmin.wouldBeLost(admins, account.get())) {
      return Optional.of(AdminsReason.LAST_GLOBAL_ADMIN);
    }
    return Optional.empty();
  }
}
