package org.billingcenter.planchange;

import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;

/** Who asks for a plan change: the name the audit trail shows and the roles the policy checks. */
public record PlanChanger(String username, Set<Role> roles) {

  public PlanChanger {
    roles = Set.copyOf(roles);
  }

  public static PlanChanger of(SignedInAccount me) {
    return new PlanChanger(me.getUsername(), Set.copyOf(me.roles()));
  }
}
