package org.billingcenter.sso;

import java.util.Optional;
import org.billingcenter.account.PasswordSignInRule;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.Reason;
import org.springframework.stereotype.Component;

/** An organisation with mandatory single sign-on refuses its admins' passwords (form and HTTP Basic). */
@Component
class MandatorySso implements PasswordSignInRule {

  private final SsoService sso;

  MandatorySso(SsoService sso) {
    this.sso = sso;
  }

  @Override
  public Optional<Reason> refusal(SignedInAccount account) {
    return account.tenant().filter(sso::mandatory).map(tenant -> SsoReason.SSO_REQUIRED);
  }
}
