package org.billingcenter.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

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
  SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
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
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
    return http.build();
  }
}
