package org.billingcenter.tenant.web;

import java.time.LocalDate;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.tenant.TenantService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The organisation's next billing date as {@code ${nextBillingDate}} on the subscription pages, for
 * the help panel's sentence on when a credit comes back. Lazy, like the panel's guidance: read only
 * when a page shows the panel. Null before the organisation's first paid period (or for an
 * operator-side account, which has no organisation).
 */
@ControllerAdvice(basePackages = "org.billingcenter.subscription.web")
class BillingDateAdvice {

  private final TenantService tenants;

  BillingDateAdvice(TenantService tenants) {
    this.tenants = tenants;
  }

  @ModelAttribute("nextBillingDate")
  LazyContextVariable<LocalDate> nextBillingDate(@AuthenticationPrincipal SignedInAccount me) {
    return new LazyContextVariable<>() {
      @Override
      protected LocalDate loadValue() {
        return me == null ? null : me.tenant().flatMap(tenants::nextBillingDate).orElse(null);
      }
    };
  }
}
