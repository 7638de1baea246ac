package org.billingcenter.sso;

import java.time.Instant;
import java.util.List;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/** An organisation's provider as stored, without its client secret (which never leaves the service). */
public record SsoProvider(
    TenantId tenant,
    String issuer,
    String clientId,
    List<String> emailDomains,
    List<RoleMapping> mappings,
    @Nullable Role defaultRole,
    boolean mandatory,
    boolean enabled,
    int revision,
    Instant updatedAt,
    String updatedBy) {

  public SsoProvider {
    emailDomains = List.copyOf(emailDomains);
    mappings = List.copyOf(mappings);
  }

  /** The settings as a form shows them again: the secret blank (kept unless a new one is typed). */
  public SsoProviderSettings asSettings() {
    return new SsoProviderSettings(issuer, clientId, null, emailDomains, mappings, defaultRole, mandatory, enabled);
  }
}
