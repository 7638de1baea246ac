package org.billingcenter.apikey;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The Bearer filter as a bean named {@value #FILTER}, which the API security chain adds before
 * HTTP Basic (web.SecurityConfig names it, so that the web module does not depend on this one).
 * It runs in that chain only, never as a servlet filter of its own.
 */
@Configuration
@ConditionalOnWebApplication
class ApiKeyFilterConfig {

  static final String FILTER = "apiKeyAuthenticationFilter";

  @Bean(FILTER)
  ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator,
      AuthenticationEntryPoint entryPoint) {
    return new ApiKeyAuthenticationFilter(authenticator, entryPoint);
  }

  @Bean
  FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterNotInServletChain(ApiKeyAuthenticationFilter filter) {
    FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }
}
