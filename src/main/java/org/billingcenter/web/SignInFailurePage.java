package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.billingcenter.account.PasswordSignInRefusedException;
import org.billingcenter.account.SignInThrottledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed page sign-in goes back to the sign-in page: "wrong credentials", or, when the attempt was
 * throttled, how many minutes to wait (the password was not checked, so "wrong" would be a lie).
 */
class SignInFailurePage implements AuthenticationFailureHandler {

  private final RedirectStrategy redirect = new DefaultRedirectStrategy();

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String target =
        e instanceof SignInThrottledException throttled
            ? "/login?throttled=" + throttled.retryAfterMinutes()
            // Issue 17 organisations: begin — the password was right, but the organisation is suspended.
            : e instanceof PasswordSignInRefusedException refused
                && "ORGANISATION_SUSPENDED".equals(refused.reason().code()) ? "/login?suspended"
            // Issue 17 organisations: end
            // Issue 15 SSO: the password was right, but the organisation signs in with single sign-on.
            : e instanceof PasswordSignInRefusedException ? "/login?ssoRequired"
            : "/login?error";
    redirect.sendRedirect(request, response, target);
  }
}
