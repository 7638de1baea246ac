package org.billingcenter.billing;

import org.billingcenter.subscription.SubscriptionStarted;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the organisation's billing cycle with its first paid period. Purchases, buy-now
 * conversions and reactivations announce theirs (inside their transaction); trials that the nightly
 * lifecycle converts in one set-based update announce nothing, so the billing run fills their
 * organisations' billing day before it bills ({@link BillingRunRepository#fillBillingDays}).
 */
@Component
class BillingDays {

  static final String ACTOR = "system";

  private final TenantService tenants;

  BillingDays(TenantService tenants) {
    this.tenants = tenants;
  }

  @EventListener
  void paidPeriodStarted(SubscriptionStarted started) {
    if (started.status() == SubscriptionStatus.ACTIVE && started.firstPeriod() != null) {
      tenants.paidPeriodStarted(started.tenant(), started.firstPeriod().start(), ACTOR);
    }
  }
}
