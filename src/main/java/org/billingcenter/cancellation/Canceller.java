package org.billingcenter.cancellation;

import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;

/**
 * Who asks: their username and roles. A support engineer cancelling for an organisation must say
 * why in {@code note}; it goes into the audit trail with their name.
 */
public record Canceller(String username, Set<Role> roles, String note) {

  public Canceller {
    roles = Set.copyOf(roles);
  }

  /** A signed-in tenant admin acting for their own organisation. */
  public static Canceller of(SignedInAccount me) {
    return new Canceller(me.getUsername(), Set.copyOf(me.roles()), null);
  }

  public boolean assisting() {
    return roles.contains(Role.SUPPORT_ENGINEER);
  }
}
