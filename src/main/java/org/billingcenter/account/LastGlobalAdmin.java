package org.billingcenter.account;

import java.util.Collection;

/**
 * The one home of "an organisation never loses its last Global admin": the Admins page refuses such
 * a change (LAST_GLOBAL_ADMIN), single sign-on keeps the role whatever the provider's claims say.
 */
public final class LastGlobalAdmin {

  private LastGlobalAdmin() {}

  /**
   * Whether {@code target} losing the Global admin role (or its account) would leave the
   * organisation, whose enabled accounts are {@code admins}, without any Global admin.
   */
  public static boolean wouldBeLost(Collection<AdminAccount> admins, AdminAccount target) {
    return target.has(Role.GLOBAL_ADMIN)
        && admins.stream().noneMatch(a -> !a.username().equals(target.username()) && a.has(Role.GLOBAL_ADMIN));
  }
}
