package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.billingcenter.account.PasswordSignInRefusedException;
import org.billingcenter.account.SignInThrottledException;
import org.billingcenter.api.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401, 403 and 429 (sign-in throttled) from the security filters, and 400 for requests the firewall
 * rejects, as localised problem+json like every other API error.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final Problems problems;
  private final LocaleResolver locales;

  ProblemSecurityHandlers(Problems problems, LocaleResolver locales) {
    this.problems = problems;
    this.locales = locales;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof InternalAuthenticationServiceException) {
      // The account could not be read (database down): not a wrong password, so no 401.
      problems.writeDatabaseUnavailable(request, response, locales.resolveLocale(request));
      return;
    }
    if (e instanceof SignInThrottledException throttled) {
      // Too many failed sign-ins from here: not "wrong password", and the password was not checked.
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_THROTTLED",
          List.of(throttled.retryAfterMinutes()), locales.resolveLocale(request));
      return;
    }
    // Issue 15 SSO: begin — a right password of an organisation that signs in with single sign-on
    if (e instanceof PasswordSignInRefusedException refused) {
      problems.write(request, response, HttpStatus.FORBIDDEN, refused.reason().code(), locales.resolveLocale(request));
      return;
    }
    // Issue 15 SSO: end
    // Issue 15: API keys. A refused Bearer key is challenged as one; otherwise both schemes are offered.
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.strip().regionMatches(true, 0, "Bearer", 0, 6)) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Billing Center\", error=\"invalid_token\"");
    } else {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Billing Center\"");
      response.addHeader("WWW-Authenticate", "Bearer realm=\"Billing Center\"");
    }
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", locales.resolveLocale(request));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(request, response, HttpStatus.FORBIDDEN, "NOT_PERMITTED", locales.resolveLocale(request));
  }

  /** The firewall's refusal: problem+json under /api/**, the plain error page elsewhere. */
  void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    if (request.getRequestURI().startsWith("/api/")) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locales.resolveLocale(request));
    } else {
      response.sendError(HttpStatus.BAD_REQUEST.value());
    }
  }
}
