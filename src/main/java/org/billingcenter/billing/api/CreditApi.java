package org.billingcenter.billing.api;

import java.time.LocalDate;
import java.util.List;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's credits: what is owed back, and when it is returned. */
@RestController
@RequestMapping("/api/v1/credits")
class CreditApi {

  private final BillingService billing;

  CreditApi(BillingService billing) {
    this.billing = billing;
  }

  record CreditView(String id, String subscriptionId, MoneyView amount, Credit.Status status, LocalDate returnOn) {
    static CreditView of(Credit c) {
      return new CreditView(
          c.id().toString(), c.subscription().toString(), MoneyView.of(c.amount()), c.status(), c.returnOn());
    }
  }

  @GetMapping
  ResponseEntity<List<CreditView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(billing.credits(tenant, page).map(CreditView::of));
  }
}
