package org.billingcenter.organisation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.organisation.SuspendedTenants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In both security chains, after sign-in: a request signed in for a suspended organisation (a page
 * session, whichever way it signed in, HTTP Basic or an API key) is refused. A page session ends and
 * the browser goes to {@code /login?suspended} ({@code HX-Redirect} for htmx); the API answers 401
 * as for any refused credentials. Memory only per request: see {@link SuspendedTenants}.
 */
class SuspensionGuard extends OncePerRequestFilter {

  static final String NAME = "suspensionGuard";

  private final SuspendedTenants suspended;
  private final AuthenticationEntryPoint entryPoint;

  SuspensionGuard(SuspendedTenants suspended, AuthenticationEntryPoint entryPoint) {
    this.suspended = suspended;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedInAccount me
        && me.tenant().filter(suspended::suspended).isPresent()) {
      SecurityContextHolder.clearContext();
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        entryPoint.commence(request, response, new DisabledException("organisation suspended"));
      } else {
        signOut(request, response);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalid) {
        // a parallel request of the same browser got here first
      }
    }
    String target = request.getContextPath() + "/login?suspended";
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.sendRedirect(target);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Wiring {

    /** By name: SecurityConfig takes it as a plain Filter (web must not depend on this module). */
    @Bean(NAME)
    SuspensionGuard suspensionGuard(SuspendedTenants suspended, AuthenticationEntryPoint entryPoint) {
      return new SuspensionGuard(suspended, entryPoint);
    }

    /** Only inside the security chains, never as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<SuspensionGuard> suspensionGuardOutsideSecurity(SuspensionGuard guard) {
      FilterRegistrationBean<SuspensionGuard> registration = new FilterRegistrationBean<>(guard);
      registration.setEnabled(false);
      return registration;
    }
  }
}
