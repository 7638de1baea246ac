package org.billingcenter.sso;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 client registrations, one per organisation with an enabled provider, registration id
 * = the tenant id. Each is built from the issuer's discovery document and kept until the stored
 * configuration's revision changes (checked with one small query per use, so another node's change
 * counts too) or {@code discovery-ttl} passes. Also the ID-token decoders, kept per configuration:
 * Spring's default factory would keep a tenant's first decoder (and keys URL) forever.
 */
@Component
public class SsoRegistrations implements ClientRegistrationRepository, JwtDecoderFactory<ClientRegistration> {

  private static final Logger LOG = LoggerFactory.getLogger(SsoRegistrations.class);
  public static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

  /** What a check found: the provider's endpoints, or why there are none. */
  public record Discovery(boolean ok, @Nullable String authorizationUri, @Nullable String tokenUri,
      @Nullable String jwkSetUri, @Nullable String userInfoUri, @Nullable String problem) {}

  private record Entry(int revision, ClientRegistration registration, Instant builtAt) {}

  private final SsoProviderRepository providers;
  private final SsoSettings settings;
  private final Clock clock;
  private final Map<TenantId, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

  SsoRegistrations(SsoProviderRepository providers, SsoSettings settings, Clock clock) {
    this.providers = providers;
    this.settings = settings;
    this.clock = clock;
  }

  /** Null (Spring's "no such registration") when the id is no tenant's enabled, reachable provider. */
  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    Optional<TenantId> tenant = tenant(registrationId);
    Optional<Integer> revision = tenant.flatMap(providers::revision);
    if (revision.isEmpty()) {
      return null;
    }
    Entry cached = cache.get(tenant.get());
    Instant now = clock.instant();
    if (cached != null && cached.revision() == revision.get()
        && cached.builtAt().plus(settings.discoveryTtl()).isAfter(now) && !cached.builtAt().isAfter(now)) {
      return cached.registration();
    }
    try {
      SsoProviderRepository.Stored stored = providers.find(tenant.get()).orElse(null);
      if (stored == null || !stored.provider().enabled()) {
        return null;
      }
      ClientRegistration registration = build(stored);
      cache.put(tenant.get(), new Entry(stored.provider().revision(), registration, now));
      return registration;
    } catch (RuntimeException e) {
      LOG.warn("Single sign-on of {} unavailable: {}", registrationId, e.toString());
      return null;
    }
  }

  /** Fetches the discovery document now and says what it found. */
  Discovery discover(SsoProviderRepository.Stored stored) {
    try {
      ClientRegistration r = build(stored);
      var details = r.getProviderDetails();
      return new Discovery(true, details.getAuthorizationUri(), details.getTokenUri(), details.getJwkSetUri(),
          details.getUserInfoEndpoint().getUri(), null);
    } catch (Rejected e) {
      return new Discovery(false, null, null, null, null, e.reason().code());
    } catch (RuntimeException e) {
      String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Discovery(false, null, null, null, null, problem.length() > 300 ? problem.substring(0, 300) : problem);
    }
  }

  /** Drops a tenant's registration here at once (other nodes notice the new revision on next use). */
  void forget(TenantId tenant) {
    cache.remove(tenant);
  }

  @Override
  public JwtDecoder createDecoder(ClientRegistration registration) {
    var details = registration.getProviderDetails();
    String key = registration.getRegistrationId() + "|" + details.getIssuerUri() + "|" + details.getJwkSetUri() + "|"
        + registration.getClientId();
    return decoders.computeIfAbsent(key, k -> new OidcIdTokenDecoderFactory().createDecoder(registration));
  }

  private ClientRegistration build(SsoProviderRepository.Stored stored) {
    SsoProvider p = stored.provider();
    IssuerGuard.refusal(p.issuer(), settings.allowLoopbackHttp(), InetAddress::getAllByName).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    ClientRegistration registration = ClientRegistrations.fromIssuerLocation(p.issuer())
        .registrationId(p.tenant().value().toString())
        .clientId(p.clientId())
        .clientSecret(stored.clientSecret())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(REDIRECT_URI)
        .scope("openid", "email", "profile")
        .clientName(p.issuer())
        .build();
    // Checked again on what the document points to: its endpoints are fetched by this server too.
    var details = registration.getProviderDetails();
    for (String uri : new String[] {details.getTokenUri(), details.getJwkSetUri(), details.getUserInfoEndpoint().getUri()}) {
      if (uri != null && !uri.isBlank()) {
        IssuerGuard.refusal(uri, settings.allowLoopbackHttp(), InetAddress::getAllByName).ifPresent(reason -> {
          throw new Rejected(reason);
        });
      }
    }
    return registration;
  }

  static Optional<TenantId> tenant(String registrationId) {
    try {
      return Optional.of(new TenantId(UUID.fromString(registrationId)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
