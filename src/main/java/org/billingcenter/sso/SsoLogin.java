package org.billingcenter.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The OAuth2 login the pages' security chain applies (as a {@link Customizer}, so the web module
 * needs no dependency on this one): registrations from {@link SsoRegistrations}, the return handled
 * by {@link SsoSignIn}, and no access tokens kept (only the sign-in matters).
 */
@Configuration(proxyBeanMethods = false)
class SsoLogin {

  static final String AUTHORIZATION_BASE = "/oauth2/authorization";

  @Bean
  Customizer<OAuth2LoginConfigurer<HttpSecurity>> singleSignOnLogin(SsoRegistrations registrations, SsoSignIn signIn) {
    OAuth2AuthorizationRequestResolver resolver = unknownIsNone(
        new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE));
    return login -> login.loginPage("/login")
        .clientRegistrationRepository(registrations)
        .authorizedClientRepository(new NoAuthorizedClients())
        .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_BASE).authorizationRequestResolver(resolver))
        .successHandler(signIn)
        .failureHandler(signIn);
  }

  /**
   * An unknown or unavailable registration id is no authorization request (the address is then an
   * ordinary page that needs a sign-in), not the 500 Spring's redirect filter answers.
   */
  private static OAuth2AuthorizationRequestResolver unknownIsNone(OAuth2AuthorizationRequestResolver delegate) {
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
          return delegate.resolve(request);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }

      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        try {
          return delegate.resolve(request, clientRegistrationId);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    };
  }

  /** The provider's access token is not needed after the sign-in: nothing is kept. */
  private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
        HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
        HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
