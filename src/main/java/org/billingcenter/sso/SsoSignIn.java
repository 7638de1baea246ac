package org.billingcenter.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The return from the provider. The OAuth2 login verified the ID token (signature, issuer, audience,
 * nonce, expiry); here its claims become roles ({@link ClaimRoles}), the organisation's account for
 * the e-mail address is found or created with them, and the session's principal becomes that
 * {@link SignedInAccount}, as after a password sign-in, so every page works the same. Audited as
 * {@code SSO_SIGN_IN}. Anything refused ends the session and lands on a page that says why.
 */
@Component
class SsoSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SsoSignIn.class);

  /** Why a sign-in through the provider was refused: the refusal page's {@code why}. */
  enum Refusal {
    NO_ROLE("no-role"), NO_EMAIL("no-email"), CONFLICT("conflict"), FAILED("failed"), UNAVAILABLE("unavailable");

    final String why;

    Refusal(String why) {
      this.why = why;
    }
  }

  private final SsoService sso;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
  private final RedirectStrategy redirect = new DefaultRedirectStrategy();

  SsoSignIn(SsoService sso, AuditLog audit, TransactionTemplate transaction) {
    this.sso = sso;
    this.audit = audit;
    this.transaction = transaction;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
      throws IOException {
    Optional<TenantId> tenant = auth instanceof OAuth2AuthenticationToken token
        ? SsoRegistrations.tenant(token.getAuthorizedClientRegistrationId()) : Optional.empty();
    if (tenant.isEmpty() || !(auth.getPrincipal() instanceof OidcUser user)) {
      refuse(request, response, Refusal.FAILED);
      return;
    }
    Map<String, Object> claims = user.getClaims();
    String email = user.getEmail();
    if (email == null || email.isBlank() || Boolean.FALSE.equals(user.getEmailVerified())) {
      refuse(request, response, Refusal.NO_EMAIL);
      return;
    }
    SsoProvider provider = sso.find(tenant.get()).orElse(null);
    if (provider == null || !provider.enabled()) {
      refuse(request, response, Refusal.UNAVAILABLE);
      return;
    }
    Set<Role> roles = ClaimRoles.of(claims, provider.mappings(), provider.defaultRole());
    if (roles.isEmpty()) {
      LOG.info("Single sign-on to {} refused: no mapping grants a role", tenant.get());
      refuse(request, response, Refusal.NO_ROLE);
      return;
    }
    SignedInAccount principal;
    try {
      principal = transaction.execute(status -> {
        SignedInAccount signedIn = sso.accounts().signOn(tenant.get(), email, user.getFullName(), roles,
            "single sign-on " + provider.issuer());
        audit.record(tenant.get(), signedIn.getUsername(), AuditLog.Change.of("SSO_SIGN_IN", "admin_account",
            signedIn.getUsername()).to(signedIn.roles()).because("subject " + user.getSubject() + " of " + provider.issuer()));
        return signedIn;
      });
    } catch (Rejected e) {
      LOG.info("Single sign-on to {} refused: {}", tenant.get(), e.reason().code());
      refuse(request, response, Refusal.CONFLICT);
      return;
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    holder.setContext(context);
    contexts.saveContext(context, request, response);
    redirect.sendRedirect(request, response, "/");
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    LOG.info("Single sign-on failed: {}", e.getMessage());
    refuse(request, response, Refusal.FAILED);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal why) throws IOException {
    holder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    redirect.sendRedirect(request, response, "/sso/refused?why=" + why.why);
  }
}
