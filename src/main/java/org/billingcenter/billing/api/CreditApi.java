package org.billingcenter.billing.api;

import java.time.LocalDate;
import java.util.List;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.CreditEntry;
import org.billingcenter.billing.InvoiceDocument;
import org.jspecify.annotations.Nullable;
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

  /**
   * Issue 16: {@code source} (CANCELLATION, LICENSE_REDUCTION, PLAN_CHANGE), the product, the day it
   * was created (the organisation's time zone), the invoice or credit note that returned it (id,
   * number, kind) and what of it was refunded, once its billing run has returned it.
   */
  record CreditView(String id, String subscriptionId, MoneyView amount, Credit.Status status, LocalDate returnOn,
      InvoiceDocument.@Nullable Source source, @Nullable String productName, LocalDate createdOn,
      @Nullable String returnedById, @Nullable String returnedByNumber, InvoiceDocument.@Nullable Kind returnedByKind,
      @Nullable MoneyView refunded) {
    static CreditView of(CreditEntry c) {
      return new CreditView(c.id().toString(), c.subscription().toString(), MoneyView.of(c.amount()), c.status(),
          c.returnOn(), c.source(), c.productName(), c.createdOn(),
          c.returnedBy() == null ? null : c.returnedBy().toString(), c.returnedByNumber(), c.returnedByKind(),
          c.refunded() == null ? null : MoneyView.of(c.refunded()));
    }
  }

  @GetMapping
  ResponseEntity<List<CreditView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(billing.creditEntries(tenant, page).map(CreditView::of));
  }
}
