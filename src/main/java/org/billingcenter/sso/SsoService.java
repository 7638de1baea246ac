package org.billingcenter.sso;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.account.Role;
import org.billingcenter.account.SingleSignOnAccounts;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's provider: configured, checked and removed by its Global admin (every change
 * audited), found from what a person types on the sign-in page. Always the caller's own tenant.
 */
@Service
public class SsoService {

  private static final String ENTITY = "sso_provider";

  private final SsoProviderRepository providers;
  private final SsoRegistrations registrations;
  private final SingleSignOnAccounts accounts;
  private final TenantService tenants;
  private final SsoSettings settings;
  private final AuditLog audit;
  private final Clock clock;

  SsoService(SsoProviderRepository providers, SsoRegistrations registrations, SingleSignOnAccounts accounts,
      TenantService tenants, SsoSettings settings, AuditLog audit, Clock clock) {
    this.providers = providers;
    this.registrations = registrations;
    this.accounts = accounts;
    this.tenants = tenants;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<SsoProvider> find(TenantId tenant) {
    return providers.find(tenant).map(SsoProviderRepository.Stored::provider);
  }

  @Transactional(readOnly = true)
  public SsoProvider get(TenantId tenant) {
    return find(tenant).orElseThrow(() -> new Rejected(SsoReason.SSO_NOT_CONFIGURED));
  }

  /** Creates or replaces the provider; a blank client secret keeps the stored one. */
  @Transactional
  public SsoProvider configure(TenantId tenant, SsoProviderSettings asked, String actor) {
    String issuer = asked.issuer().strip();
    IssuerGuard.refusal(issuer, settings.allowLoopbackHttp(), InetAddress::getAllByName).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    Optional<SsoProviderRepository.Stored> before = providers.find(tenant);
    String secret = asked.clientSecret() == null || asked.clientSecret().isBlank()
        ? before.map(SsoProviderRepository.Stored::clientSecret).orElse(null)
        : asked.clientSecret().strip();
    if (secret == null) {
      throw new Rejected(SsoReason.SSO_CLIENT_SECRET_REQUIRED);
    }
    List<RoleMapping> mappings = new ArrayList<>();
    for (RoleMapping m : asked.rules()) {
      if (!m.complete()) {
        throw new Rejected(SsoReason.SSO_MAPPING_INCOMPLETE);
      }
      if (!m.role().isTenantRole()) {
        throw new Rejected(SsoReason.SSO_ROLE_NOT_FOR_TENANT);
      }
      mappings.add(new RoleMapping(m.claim().strip(), m.value().strip(), m.role()));
    }
    if (asked.defaultRole() != null && !asked.defaultRole().isTenantRole()) {
      throw new Rejected(SsoReason.SSO_ROLE_NOT_FOR_TENANT);
    }
    if (asked.isMandatory() && !asked.isEnabled()) {
      throw new Rejected(SsoReason.SSO_MANDATORY_NEEDS_ENABLED);
    }
    List<String> domains = List.copyOf(asked.domains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new)));
    if (providers.domainOwnerOtherThan(tenant, domains).isPresent()) {
      throw new Rejected(SsoReason.SSO_EMAIL_DOMAIN_TAKEN);
    }
    int revision = before.map(s -> s.provider().revision() + 1).orElse(1);
    SsoProvider saved = new SsoProvider(tenant, issuer, asked.clientId().strip(), domains, mappings,
        asked.defaultRole(), asked.isMandatory(), asked.isEnabled(), revision, clock.instant(), actor);
    providers.save(saved, secret, before.isPresent());
    boolean secretChanged = before.map(s -> !s.clientSecret().equals(secret)).orElse(true);
    audit.record(tenant, actor, AuditLog.Change.of(before.isPresent() ? "SSO_PROVIDER_CHANGED" : "SSO_PROVIDER_CONFIGURED",
            ENTITY, tenant)
        .from(before.map(s -> summary(s.provider(), false)).orElse(null))
        .to(summary(saved, secretChanged)));
    registrations.forget(tenant);
    return saved;
  }

  /** Removes the provider; {@code revision} (from a page) must still be the stored one. */
  @Transactional
  public void remove(TenantId tenant, @Nullable Integer revision, String actor) {
    SsoProvider before = current(tenant, revision);
    providers.delete(tenant);
    audit.record(tenant, actor, AuditLog.Change.of("SSO_PROVIDER_REMOVED", ENTITY, tenant).from(summary(before, false)));
    registrations.forget(tenant);
  }

  /**
   * The operator's (or anyone's with the organisation's API key) way back when the provider is
   * broken and single sign-on is mandatory: admins may sign in with their passwords again.
   */
  @Transactional
  public void turnOffMandatory(TenantId tenant, String actor) {
    SsoProvider before = get(tenant);
    if (before.mandatory()) {
      providers.turnOffMandatory(tenant, clock.instant(), actor);
      audit.record(tenant, actor, AuditLog.Change.of("SSO_MANDATORY_TURNED_OFF", ENTITY, tenant).from(true).to(false));
      registrations.forget(tenant);
    }
  }

  /**
   * Fetches the issuer's discovery document now (not from the cache): what the sign-in would use.
   * No transaction: a connection must not be held through a call to another server.
   */
  public SsoRegistrations.Discovery check(TenantId tenant, @Nullable Integer revision) {
    SsoProviderRepository.Stored stored = providers.find(tenant)
        .orElseThrow(() -> new Rejected(SsoReason.SSO_NOT_CONFIGURED));
    if (revision != null && revision != stored.provider().revision()) {
      throw new Rejected(SsoReason.SSO_CONFIGURATION_CHANGED);
    }
    return registrations.discover(stored);
  }

  /**
   * The organisation whose enabled provider a person belongs to, from what he typed on the sign-in
   * page: an admin's e-mail address, an address in one of the provider's domains, or the
   * organisation's exact name. Empty when none (or more than one) fits: the page says the same
   * thing either way.
   */
  @Transactional(readOnly = true)
  public Optional<TenantId> providerFor(String typed) {
    String who = typed == null ? "" : typed.strip();
    if (who.isEmpty() || who.length() > EmailAddress.MAX) {
      return Optional.empty();
    }
    if (who.contains("@")) {
      Optional<TenantId> byAccount = accounts.tenantOfAddress(who).filter(providers::enabled);
      if (byAccount.isPresent()) {
        return byAccount;
      }
      return providers.tenantOfDomain(who.substring(who.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
    }
    List<TenantId> named = tenants.findByName(who).stream().map(t -> t.id()).filter(providers::enabled).toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  /** Whether the organisation's admins must sign in with single sign-on (and not a password). */
  @Transactional(readOnly = true)
  public boolean mandatory(TenantId tenant) {
    return settings.enforceMandatory() && providers.mandatory(tenant);
  }

  SingleSignOnAccounts accounts() {
    return accounts;
  }

  private SsoProvider current(TenantId tenant, @Nullable Integer revision) {
    SsoProvider before = get(tenant);
    if (revision != null && revision != before.revision()) {
      throw new Rejected(SsoReason.SSO_CONFIGURATION_CHANGED);
    }
    return before;
  }

  /** What the audit keeps: everything but the secret (only whether it changed). */
  private static String summary(SsoProvider p, boolean secretChanged) {
    String all = "issuer=" + p.issuer() + " client=" + p.clientId() + " enabled=" + p.enabled() + " mandatory=" + p.mandatory()
        + " default=" + p.defaultRole() + " mappings=" + p.mappings().stream()
            .map(m -> m.claim() + ":" + m.value() + "->" + m.role()).toList()
        + " domains=" + p.emailDomains() + (secretChanged ? " secret=changed" : "");
    return all.length() > 3900 ? all.substring(0, 3900) + "…" : all;
  }
}
