package org.billingcenter.web;

import org.springframework.beans.factory.ObjectProvider;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
// Issue 15: API keys (imports)
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains. {@code /api/**} and the actuator are stateless HTTP Basic with the same accounts (no
 * session, so no CSRF token to carry); every other path is a browser page with form sign-in, a
 * session and CSRF protection.
 */
@Configuration
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

  /** Every role that may change something; finer rules sit on each handler's @PreAuthorize. */
  private static final String[] WRITERS = {
    "GLOBAL_ADMIN", "BILLING_ADMIN", "USER_ADMIN", "SUPPORT_ENGINEER", "OPERATOR"
  };

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems,
      // Issue 15: API keys. The apikey module's Bearer filter, by name: web must not depend on apikey
      // (whose pages use web), so no type of it is named here.
      @Qualifier("apiKeyAuthenticationFilter") Filter apiKeys,
      // Issue 17 organisations: begin — refuses callers of a suspended organisation (by name, as above)
      @Qualifier("suspensionGuard") Filter suspensionGuard
      // Issue 17 organisations: end
      ) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        // Issue 15: API keys. Authorization: Bearer bc_live_... before HTTP Basic.
        .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
        // Issue 17 organisations: begin
        .addFilterAfter(suspensionGuard, BasicAuthenticationFilter.class)
        // Issue 17 organisations: end
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("OPERATOR")
                    .requestMatchers("/api/v1/support/**")
                    .hasRole("SUPPORT_ENGINEER")
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .authenticated()
                    // Refuse by role before the body is read: a Reader gets 403, not a 422.
                    .requestMatchers("/api/v1/operator/**")
                    .hasRole("OPERATOR")
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenants", "/api/v1/plans")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .hasAnyRole(WRITERS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** A request the firewall refuses (odd characters, encoded slashes, hostile names) is a 400. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemSecurityHandlers problems) {
    return problems::rejected;
  }

  /** Swagger UI runs inline scripts of its own, so it gets its own chain without our CSP. */
  @Bean
  @Order(2)
  SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
    http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http,
      // Issue 15 SSO: begin — the OAuth2 login the sso module offers (absent: no single sign-on)
      ObjectProvider<Customizer<OAuth2LoginConfigurer<HttpSecurity>>> singleSignOn,
      // Issue 15 SSO: end
      // Issue 15 sessions (begin): the session registry's guard, by name (web must not depend on session)
      @Qualifier("sessionGuard") Filter sessionGuard, @Qualifier("sessionGuard") LogoutHandler sessionSignOut,
      // Issue 15 sessions (end)
      // Issue 17 organisations: begin
      @Qualifier("suspensionGuard") Filter suspensionGuard
      // Issue 17 organisations: end
      ) throws Exception {
    // Issue 15 SSO: begin
    singleSignOn.ifAvailable(login -> {
      try {
        http.oauth2Login(login);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // Issue 15 SSO: end
    // Issue 15 sessions (begin): registers signed-in sessions, refuses ended ones; /logout ends the row
    http.addFilterAfter(sessionGuard, CsrfFilter.class)
        .logout(logout -> logout.addLogoutHandler(sessionSignOut));
    // Issue 15 sessions (end)
    // Issue 17 organisations: begin — a suspended organisation's session ends at its next request
    http.addFilterAfter(suspensionGuard, CsrfFilter.class);
    // Issue 17 organisations: end
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                    // Issue 15 SSO: begin
                    .requestMatchers("/sso/start", "/sso/refused")
                    .permitAll()
                    // Issue 15 SSO: end
                    // Issue 15 (admins): single-use links and the forgotten-password form need no sign-in
                    .requestMatchers("/invitations/**", "/password-reset", "/password-reset/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                .failureHandler(new SignInFailurePage()).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(SecurityConfig::pageHeaders);
    return http.build();
  }

  /** Scripts and styles only from our own origin: no inline script or style is allowed. */
  static final String PAGE_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

  private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
  }
}
