package org.billingcenter.account;

import org.billingcenter.shared.Reason;
import org.springframework.security.core.AuthenticationException;

/** The password matched, but a {@link PasswordSignInRule} refuses password sign-in for the account. */
public class PasswordSignInRefusedException extends AuthenticationException {

  private final transient Reason reason;

  public PasswordSignInRefusedException(Reason reason) {
    super("Password sign-in refused: " + reason.code());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
