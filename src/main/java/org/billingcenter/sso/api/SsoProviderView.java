package org.billingcenter.sso.api;

import java.time.Instant;
import java.util.List;
import org.billingcenter.account.Role;
import org.billingcenter.sso.RoleMapping;
import org.billingcenter.sso.SsoProvider;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's provider as the API shows it: never the client secret (it is write-only).
 * {@code redirectUri} is what to register at the provider.
 */
record SsoProviderView(
    String issuer,
    String clientId,
    boolean clientSecretSet,
    List<String> emailDomains,
    List<Mapping> mappings,
    @Nullable Role defaultRole,
    boolean mandatory,
    boolean enabled,
    int revision,
    Instant updatedAt,
    String updatedBy,
    String redirectUri) {

  record Mapping(String claim, String value, Role role) {}

  static SsoProviderView of(SsoProvider p, String redirectUri) {
    return new SsoProviderView(p.issuer(), p.clientId(), true, p.emailDomains(),
        p.mappings().stream().map(SsoProviderView::mapping).toList(), p.defaultRole(), p.mandatory(), p.enabled(),
        p.revision(), p.updatedAt(), p.updatedBy(), redirectUri);
  }

  private static Mapping mapping(RoleMapping m) {
    return new Mapping(m.claim(), m.value(), m.role());
  }
}
