package org.billingcenter.billingprofile;

import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes billing profiles. SKELETON (issue 16): the profile helper stores them. */
@Service
public class BillingProfileService {

  private final TenantService tenants;

  BillingProfileService(TenantService tenants) {
    this.tenants = tenants;
  }

  /** The organisation's profile; one never edited is made of the organisation's own name, country and language. */
  @Transactional(readOnly = true)
  public BillingProfile profile(TenantId tenant) {
    Tenant t = tenants.get(tenant);
    return new BillingProfile(tenant, t.name(), null, null, null, null, null, t.country(), null, null, t.locale(), false,
        false);
  }
}
