package org.billingcenter.billingprofile;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes billing profiles. A profile never saved is made of the organisation's own name,
 * country and language (no address), so every invoice has someone to address. Saving checks the
 * whole profile ({@link BillingProfileRules}), changes it under a row lock and audits the fields that
 * changed; saving what is already there writes nothing.
 */
@Service
public class BillingProfileService {

  static final String AUDIT_ACTION = "BILLING_PROFILE_CHANGED";
  static final String ENTITY = "billing_profile";

  private final TenantService tenants;
  private final BillingProfileRepository profiles;
  private final AuditLog audit;
  private final Clock clock;

  BillingProfileService(TenantService tenants, BillingProfileRepository profiles, AuditLog audit, Clock clock) {
    this.tenants = tenants;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  /** The organisation's profile; one never edited is made of the organisation's own name, country and language. */
  @Transactional(readOnly = true)
  public BillingProfile profile(TenantId tenant) {
    return saved(tenant).profile();
  }

  /** The profile with who saved it last and when (nulls for one never saved). */
  @Transactional(readOnly = true)
  public SavedBillingProfile saved(TenantId tenant) {
    Tenant t = tenants.get(tenant);
    return profiles.find(tenant, t.country()).orElseGet(() -> new SavedBillingProfile(defaults(t), null, null));
  }

  /**
   * Replaces the profile with {@code change}: refused as a whole ({@link InvalidBillingProfile}, every
   * broken rule with its field) or saved and audited as {@value #AUDIT_ACTION} with the fields before
   * and after. Global and Billing admins only: the API and the pages check the role.
   */
  @Transactional
  public SavedBillingProfile update(TenantId tenant, BillingProfileChange change, String actor) {
    Tenant t = tenants.get(tenant);
    BillingProfileRules.Checked checked = BillingProfileRules.check(tenant, t.country(), change);
    if (!checked.valid()) {
      throw new InvalidBillingProfile(checked.violations());
    }
    BillingProfile wanted = checked.profile();
    Optional<SavedBillingProfile> saved = profiles.lock(tenant, t.country());
    Instant now = clock.instant();
    if (saved.isEmpty() && !wanted.equals(defaults(t)) && profiles.insert(wanted, now, actor)) {
      audit(tenant, actor, defaults(t), wanted);
      return new SavedBillingProfile(wanted, now, actor);
    }
    // Saved before, or by a concurrent first save just now: change that row (locked from here on).
    saved = saved.isPresent() ? saved : profiles.lock(tenant, t.country());
    BillingProfile before = saved.map(SavedBillingProfile::profile).orElseGet(() -> defaults(t));
    if (before.equals(wanted)) {
      return saved.orElseGet(() -> new SavedBillingProfile(before, null, null));
    }
    profiles.update(wanted, now, actor);
    audit(tenant, actor, before, wanted);
    return new SavedBillingProfile(wanted, now, actor);
  }

  private void audit(TenantId tenant, String actor, BillingProfile before, BillingProfile after) {
    BillingProfileChanges.Described changes = BillingProfileChanges.between(before, after);
    audit.record(tenant, actor, AuditLog.Change.of(AUDIT_ACTION, ENTITY, tenant.value())
        .from(changes.before()).to(changes.after()));
  }

  private static BillingProfile defaults(Tenant t) {
    return new BillingProfile(t.id(), t.name(), null, null, null, null, null, t.country(), null, null,
        InvoiceLanguage.closest(t.locale()), false, false);
  }
}
