package org.billingcenter.organisation;

import java.util.Optional;
import org.billingcenter.account.PasswordSignInRule;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.Reason;
import org.springframework.stereotype.Component;

/**
 * A suspended organisation's people cannot sign in with their passwords (form and HTTP Basic). The
 * account module asks only after the password matched, so a wrong password still reads "wrong" and
 * the refusal tells nothing to someone who does not know it.
 */
@Component
class SuspendedSignIn implements PasswordSignInRule {

  private final SuspendedTenants suspended;

  SuspendedSignIn(SuspendedTenants suspended) {
    this.suspended = suspended;
  }

  @Override
  public Optional<Reason> refusal(SignedInAccount account) {
    return account.tenant().filter(suspended::suspended).map(tenant -> OrganisationReason.ORGANISATION_SUSPENDED);
  }
}
