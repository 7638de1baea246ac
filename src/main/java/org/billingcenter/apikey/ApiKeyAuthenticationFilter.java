package org.billingcenter.apikey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.billingcenter.account.SignedInAccount;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>} on the API chain (placed before HTTP Basic by the security
 * configuration): a good key signs the request in as the key's principal; a bad, unknown, expired,
 * revoked or malformed one is answered 401 by the API's entry point, the same answer whatever was
 * wrong. Other schemes pass untouched. The header is never logged.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private final ApiKeyAuthenticator authenticator;
  private final AuthenticationEntryPoint entryPoint;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
    this.authenticator = authenticator;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiKeyFormat.Header header = ApiKeyFormat.read(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (header instanceof ApiKeyFormat.NotBearer) {
      chain.doFilter(request, response);
      return;
    }
    Optional<SignedInAccount> principal = header instanceof ApiKeyFormat.Key key
        ? authenticator.authenticate(key.key())
        : Optional.empty();
    if (principal.isEmpty()) {
      contexts.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("API key refused"));
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        principal.get(), null, principal.get().getAuthorities()));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
