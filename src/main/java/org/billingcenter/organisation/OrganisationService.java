package org.billingcenter.organisation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceFilter;
import org.billingcenter.organisation.Organisation.Suspension;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantReason;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.tenant.TenantService.Opened;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's organisations: list and view (read model plus the owning modules' services), open
 * one through the tenant module, suspend and resume. Every change is audited in the organisation's
 * own trail, where its Global admins can read it.
 */
@Service
public class OrganisationService {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  static final String ENTITY = "tenant";

  private final OrganisationRepository organisations;
  private final SuspendedTenants suspended;
  private final TenantService tenants;
  private final SubscriptionService subscriptions;
  private final BillingService billing;
  private final AuditLog audit;
  private final Clock clock;

  OrganisationService(OrganisationRepository organisations, SuspendedTenants suspended, TenantService tenants,
      SubscriptionService subscriptions, BillingService billing, AuditLog audit, Clock clock) {
    this.organisations = organisations;
    this.suspended = suspended;
    this.tenants = tenants;
    this.subscriptions = subscriptions;
    this.billing = billing;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<Organisation> list(OrganisationSearch search, PageRequest page) {
    List<OrganisationRepository.Row> rows = organisations.search(search, page);
    Map<TenantId, List<Mrr.Total>> totals = organisations.paidTotals(rows.stream().map(r -> r.tenant().id()).toList());
    List<Organisation> items = rows.stream().map(r -> organisation(r, totals.getOrDefault(r.tenant().id(), List.of())))
        .toList();
    return new Page<>(items, page, organisations.count(search));
  }

  @Transactional(readOnly = true)
  public Organisation get(TenantId tenant) {
    OrganisationRepository.Row row = organisations.find(tenant)
        .orElseThrow(() -> new Rejected(OrganisationReason.ORGANISATION_NOT_FOUND));
    return organisation(row, organisations.paidTotals(List.of(tenant)).getOrDefault(tenant, List.of()));
  }

  @Transactional(readOnly = true)
  public Page<SubscriptionSummary> subscriptions(TenantId tenant, PageRequest page) {
    get(tenant);
    return subscriptions.list(tenant, page);
  }

  @Transactional(readOnly = true)
  public Page<InvoiceDocument> invoices(TenantId tenant, PageRequest page) {
    get(tenant);
    return billing.documents(tenant, InvoiceFilter.NONE, page);
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> auditTrail(TenantId tenant, PageRequest page) {
    get(tenant);
    return audit.page(tenant, page);
  }

  /** Opens the organisation and invites its first Global admin (the tenant module's one way to do both). */
  @Transactional
  public Opened open(NewOrganisation asked, String actor) {
    Tenant tenant = new Tenant(TenantId.random(), asked.name().strip(), country(asked.country()),
        Locale.forLanguageTag(asked.locale()), zone(asked.timeZone()), currency(asked.currency()));
    return tenants.open(new NewTenant(tenant, null, asked.adminName().strip(), null, asked.adminEmail()), null, actor);
  }

  /** Its people and API keys are refused from now on (other nodes within the key cache TTL); billing goes on. */
  @Transactional
  public Organisation suspend(TenantId tenant, String reason, String actor) {
    if (get(tenant).suspension() != null) {
      throw new Rejected(OrganisationReason.ORGANISATION_ALREADY_SUSPENDED);
    }
    try {
      organisations.suspend(tenant, new Suspension(clock.instant(), actor, reason.strip()));
    } catch (DuplicateKeyException raced) {
      throw new Rejected(OrganisationReason.ORGANISATION_ALREADY_SUSPENDED);
    }
    audit.record(tenant, actor, Change.of("TENANT_SUSPENDED", ENTITY, tenant).from("ACTIVE").to("SUSPENDED")
        .because(reason.strip()));
    suspended.changed();
    return get(tenant);
  }

  @Transactional
  public Organisation resume(TenantId tenant, String reason, String actor) {
    get(tenant);
    if (!organisations.resume(tenant)) {
      throw new Rejected(OrganisationReason.ORGANISATION_NOT_SUSPENDED);
    }
    Change change = Change.of("TENANT_RESUMED", ENTITY, tenant).from("SUSPENDED").to("ACTIVE");
    audit.record(tenant, actor, reason == null || reason.isBlank() ? change : change.because(reason.strip()));
    suspended.changed();
    return get(tenant);
  }

  private static Organisation organisation(OrganisationRepository.Row row, List<Mrr.Total> totals) {
    return new Organisation(row.tenant(), row.createdAt(), row.subscriptions(), Mrr.of(totals), row.suspension());
  }

  /** A two-letter code ISO 3166 knows; the form's own pattern checked the shape. */
  public static boolean knownCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  public static boolean knownZone(String id) {
    try {
      ZoneId.of(id);
      return true;
    } catch (DateTimeException | NullPointerException e) {
      return false;
    }
  }

  /** A currency with a minor unit (not XAU, XXX: nothing to bill in). */
  public static boolean knownCurrency(String code) {
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static String country(String code) {
    if (!knownCountry(code)) {
      throw new Rejected(OrganisationReason.ORGANISATION_COUNTRY_UNKNOWN);
    }
    return code;
  }

  private static ZoneId zone(String id) {
    if (!knownZone(id)) {
      throw new Rejected(TenantReason.UNKNOWN_TIME_ZONE);
    }
    return ZoneId.of(id);
  }

  private static Currency currency(String code) {
    if (!knownCurrency(code)) {
      throw new Rejected(TenantReason.UNKNOWN_CURRENCY);
    }
    return Currency.getInstance(code);
  }
}
