package org.billingcenter.billing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.LifecycleService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Invoices, credit notes and refunds of the signed-in organisation; the operator's run trigger. */
@RestController
class InvoiceApi {

  private final BillingService billing;
  private final BillingRunService runs;
  private final LifecycleService lifecycle;

  InvoiceApi(BillingService billing, BillingRunService runs, LifecycleService lifecycle) {
    this.billing = billing;
    this.runs = runs;
    this.lifecycle = lifecycle;
  }

  record LineView(int lineNo, String kind, UUID subscriptionId, LocalDate periodStart, LocalDate periodEnd,
      Integer quantity, MoneyView unitPrice, MoneyView amount) {}

  record InvoiceView(String id, LocalDate date, String kind, MoneyView total, List<LineView> lines) {
    static InvoiceView of(Invoice i) {
      return new InvoiceView(i.id().toString(), i.date(), i.kind(), MoneyView.of(i.total()),
          i.lines().stream().map(l -> new LineView(l.lineNo(), l.kind(), l.subscription(), l.periodStart(),
              l.periodEnd(), l.quantity(), l.unitPrice() == null ? null : MoneyView.of(l.unitPrice()),
              MoneyView.of(l.amount()))).toList());
    }
  }

  record RefundView(String id, String invoiceId, String creditId, MoneyView amount, String status) {}

  record RunRequest(@NotNull LocalDate date) {}

  record RunView(LifecycleService.LifecycleResult lifecycle, BillingRunService.RunResult billing) {}

  @GetMapping("/api/v1/invoices")
  ResponseEntity<List<InvoiceView>> invoices(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(billing.invoices(tenant, page).map(InvoiceView::of));
  }

  @GetMapping("/api/v1/invoices/{id}")
  InvoiceView invoice(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return InvoiceView.of(billing.invoice(tenant, id));
  }

  @GetMapping("/api/v1/refunds")
  ResponseEntity<List<RefundView>> refunds(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(billing.refunds(tenant, page)
        .map(r -> new RefundView(r.id().toString(), r.invoice().toString(),
            r.credit() == null ? null : r.credit().toString(), MoneyView.of(r.amount()), r.status())));
  }

  /**
   * Runs the day's lifecycle transitions, then the billing run, for {@code date}. Repeating it
   * for the same date bills nothing twice.
   */
  @PostMapping("/api/v1/operator/billing-runs")
  @PreAuthorize("hasRole('OPERATOR')")
  RunView run(@Valid @RequestBody RunRequest body) {
    return new RunView(lifecycle.run(body.date()), runs.run(body.date()));
  }
}
