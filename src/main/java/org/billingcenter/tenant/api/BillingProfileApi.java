package org.billingcenter.tenant.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's billing profile, for every role of the organisation. So far its billing cycle
 * (issue 16 adds the legal name, address, tax ID and invoice recipients here).
 */
@RestController
class BillingProfileApi {

  private final TenantService tenants;

  BillingProfileApi(TenantService tenants) {
    this.tenants = tenants;
  }

  record BillingProfileView(
      @Schema(description = "Day of month of the organisation's billing date (clamped to shorter months' last day);"
          + " null before its first paid period.", minimum = "1", maximum = "31")
          @Nullable Integer billingDay,
      @Schema(description = "The next billing date after today, in the organisation's time zone: where credits are"
          + " returned. Null before the first paid period.")
          @Nullable LocalDate nextBillingDate) {}

  @GetMapping("/api/v1/billing-profile")
  BillingProfileView profile(@CurrentTenant TenantId tenant) {
    return new BillingProfileView(
        tenants.billingDay(tenant).orElse(null), tenants.nextBillingDate(tenant).orElse(null));
  }
}
