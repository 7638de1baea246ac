package org.billingcenter.account;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (the page form and HTTP Basic) behind the {@link LoginThrottle}: an attempt that
 * must still wait is refused with {@link SignInThrottledException} before the password is checked;
 * a wrong password counts against the username from this address and against the address; a
 * failure that starts a wait is audited. The client address is the request's remote address (set
 * {@code server.forward-headers-strategy=native} behind a proxy).
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final AccountService accounts;
  private final List<PasswordSignInRule> rules;

  ThrottledSignIn(AccountService accounts, PasswordEncoder encoder, LoginThrottle throttle,
      List<PasswordSignInRule> rules) {
    this.passwords = new DaoAuthenticationProvider(accounts);
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
    this.accounts = accounts;
    this.rules = List.copyOf(rules);
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = attempt.getName();
    String address = address(attempt);
    Duration wait = throttle.wait(username, address);
    if (!wait.isZero()) {
      throw new SignInThrottledException(wait);
    }
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      throttle.succeeded(username, address);
      // Issue 15 SSO: the password was right; a rule of another module may still refuse it.
      if (signedIn.getPrincipal() instanceof SignedInAccount account) {
        for (PasswordSignInRule rule : rules) {
          rule.refusal(account).ifPresent(reason -> {
            throw new PasswordSignInRefusedException(reason);
          });
        }
      }
      return signedIn;
    } catch (BadCredentialsException e) {
      LoginThrottle.Lockout lockout = throttle.failed(username, address);
      if (lockout.started()) {
        audit(username, address, lockout);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The audit row is a record, not a condition: if it cannot be written, the wait still holds. */
  private void audit(String username, String address, LoginThrottle.Lockout lockout) {
    try {
      accounts.recordSignInThrottled(username, address, lockout);
    } catch (RuntimeException e) {
      log.warn("Could not audit a sign-in lockout from {}: {}", address, e.toString());
    }
  }

  private static String address(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
  }
}
