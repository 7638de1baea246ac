package org.billingcenter.account;

import java.util.Optional;
import org.billingcenter.shared.Reason;

/**
 * A rule another module adds to password sign-in (the page form and HTTP Basic), consulted only
 * after the password matched: e.g. an organisation that signs in with single sign-on refuses its
 * admins' passwords. API keys and single sign-on do not pass through it.
 */
public interface PasswordSignInRule {

  /** Empty when the account may sign in with its password; else why not. */
  Optional<Reason> refusal(SignedInAccount account);
}
