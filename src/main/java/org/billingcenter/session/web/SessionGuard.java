package org.billingcenter.session.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Clock;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.session.EndReason;
import org.billingcenter.session.SessionOwner;
import org.billingcenter.session.SessionService;
import org.billingcenter.session.SessionWatch;
import org.billingcenter.session.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * In the pages' security chain (after CSRF, before sign-out and authorisation): a session whose
 * stored sign-in has no registry key gets one (form sign-in and single sign-on alike); a session
 * whose key was ended, here or on another node, is invalidated and the browser sent to
 * {@code /login?signedOut} ({@code HX-Redirect} for htmx); any other is noted as seen. No database
 * work per request: the check and the note are in {@link SessionWatch}'s memory. Also the
 * {@link LogoutHandler} of /logout, and (in {@link Wiring}) the container's listener for expired
 * sessions: both end the row.
 */
public class SessionGuard extends OncePerRequestFilter implements LogoutHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);

  private final SessionService sessions;
  private final SessionWatch watch;
  private final Clock clock;

  SessionGuard(SessionService sessions, SessionWatch watch, Clock clock) {
    this.sessions = sessions;
    this.watch = watch;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    SignedInAccount me = session == null ? null : signedIn(session);
    if (me != null) {
      SessionMark mark = (SessionMark) session.getAttribute(SessionMark.ATTRIBUTE);
      if (mark != null && watch.ended(mark.id())) {
        refuse(request, response, session);
        return;
      }
      if (mark == null || !mark.username().equals(me.getUsername())) {
        mark = register(request, session, me, mark);
      }
      watch.seen(mark.id(), mark.tenantId(), clock.instant());
    }
    chain.doFilter(request, response);
  }

  /** Once per session: the mutex keeps two first requests from registering it twice. */
  private SessionMark register(HttpServletRequest request, HttpSession session, SignedInAccount me, SessionMark old) {
    synchronized (WebUtils.getSessionMutex(session)) {
      SessionMark mark = (SessionMark) session.getAttribute(SessionMark.ATTRIBUTE);
      if (mark != null && mark.username().equals(me.getUsername())) {
        return mark;
      }
      if (old != null) {
        // Another account signed in over this one in the same browser: the old sign-in is over.
        sessions.closed(old.owner(), old.id(), old.username(), EndReason.EXPIRED);
      }
      SessionOwner owner = SessionOwner.of(me);
      WebSession s = sessions.register(owner, me.getUsername(), request.getRemoteAddr(), request.getHeader("User-Agent"));
      mark = new SessionMark(s.id(), owner.tenant() == null ? null : owner.tenant().value(), me.getUsername());
      session.setAttribute(SessionMark.ATTRIBUTE, mark);
      return mark;
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpSession session)
      throws IOException {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalid) {
      // a parallel request of the same browser got here first
    }
    SecurityContextHolder.clearContext();
    String target = request.getContextPath() + "/login?signedOut";
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.sendRedirect(target);
    }
  }

  private static SignedInAccount signedIn(HttpSession session) {
    Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    if (context instanceof SecurityContext c) {
      Authentication auth = c.getAuthentication();
      if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SignedInAccount account) {
        return account;
      }
    }
    return null;
  }

  /** /logout: the row ends with the session. */
  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    HttpSession session = request.getSession(false);
    SessionMark mark = session == null ? null : (SessionMark) session.getAttribute(SessionMark.ATTRIBUTE);
    if (mark != null) {
      sessions.closed(mark.owner(), mark.id(), mark.username(), EndReason.SIGNED_OUT);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Wiring {

    /** Named so SecurityConfig can take it as a plain Filter and LogoutHandler (web must not depend on session). */
    @Bean("sessionGuard")
    SessionGuard sessionGuard(SessionService sessions, SessionWatch watch, Clock clock) {
      return new SessionGuard(sessions, watch, clock);
    }

    /** Only in the pages' security chain, not in the container's chain for every path. */
    @Bean
    FilterRegistrationBean<SessionGuard> sessionGuardOutsideSecurity(SessionGuard guard) {
      FilterRegistrationBean<SessionGuard> registration = new FilterRegistrationBean<>(guard);
      registration.setEnabled(false);
      return registration;
    }

    /**
     * The container dropped a session (idle timeout, shutdown, invalidation): its row ends if still
     * open. A bean of its own: Boot registers it as the container's listener.
     */
    @Bean
    HttpSessionListener sessionRowsEndWithTheirSessions(SessionService sessions) {
      return new HttpSessionListener() {
        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
          SessionMark mark;
          try {
            mark = (SessionMark) event.getSession().getAttribute(SessionMark.ATTRIBUTE);
          } catch (IllegalStateException invalid) {
            return;
          }
          if (mark == null) {
            return;
          }
          try {
            sessions.closed(mark.owner(), mark.id(), null, EndReason.EXPIRED);
          } catch (RuntimeException e) {
            // Shutting down, or the database away: the row stops counting as active after the idle timeout.
            LOG.debug("Could not end session row {}: {}", mark.id(), e.toString());
          }
        }
      };
    }
  }
}
