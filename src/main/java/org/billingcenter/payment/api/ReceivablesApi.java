package org.billingcenter.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.payment.Receivables;
import org.billingcenter.payment.ReceivablesSearch;
import org.billingcenter.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's receivables as JSON: overdue money by age, who owes it, recovered vs lost per month,
 * and refunds the provider refused.
 */
@RestController
@RequestMapping("/api/v1/operator/receivables")
@PreAuthorize("hasRole('OPERATOR')")
class ReceivablesApi {

  /** One currency's overdue amounts by days since the due date. */
  record AgeBucketsView(String currency, MoneyView upTo30Days, MoneyView from31To60Days, MoneyView over60Days,
      MoneyView total, long organisations) {
    static AgeBucketsView of(Receivables.AgeBuckets b) {
      return new AgeBucketsView(b.total().currency().getCurrencyCode(), MoneyView.of(b.upTo30Days()),
          MoneyView.of(b.upTo60Days()), MoneyView.of(b.over60Days()), MoneyView.of(b.total()), b.organisations());
    }
  }

  /**
   * {@code today}: the operator's (UTC) date the ages are counted to; {@code retryDays}: the dunning
   * schedule in force, days after the due date (setting {@code billing-center.payments.retry-days}).
   */
  record ReceivablesSummaryView(LocalDate today, List<AgeBucketsView> buckets, List<Integer> retryDays) {}

  record OverdueOrganisationView(UUID tenantId, String name, String country, MoneyView overdue, long oldestOverdueDays,
      int overdueInvoices, boolean uncollectible) {
    static OverdueOrganisationView of(Receivables.OverdueOrganisation o) {
      return new OverdueOrganisationView(o.tenant().value(), o.name(), o.country(), MoneyView.of(o.overdue()), o.oldestDays(),
          o.invoices(), o.uncollectible());
    }
  }

  /** {@code month} as 2026-03 (UTC). */
  record RecoveryMonthView(String month, MoneyView recovered, MoneyView lost) {
    static RecoveryMonthView of(Receivables.MonthFigures m) {
      return new RecoveryMonthView(m.month().toString(), MoneyView.of(m.recovered()), MoneyView.of(m.lost()));
    }
  }

  record RecoverySeriesView(String currency, List<RecoveryMonthView> months) {}

  /** A fixed window of months, not a list that grows: one object, its series inside, no paging. */
  record RecoveryMonthsView(List<RecoverySeriesView> series) {}

  private final Receivables receivables;

  ReceivablesApi(Receivables receivables) {
    this.receivables = receivables;
  }

  @GetMapping
  @Operation(summary = "Overdue money (invoices declined at least once and still owed) per currency by days since "
      + "the due date: 0–30, 31–60, over 60; and the dunning schedule in force. Operator only.")
  ReceivablesSummaryView summary() {
    Receivables.Summary s = receivables.summary();
    return new ReceivablesSummaryView(s.today(), s.buckets().stream().map(AgeBucketsView::of).toList(), s.retryDays());
  }

  @GetMapping("/organisations")
  @Operation(summary = "Organisations with overdue invoices, one row per organisation and currency, oldest debt "
      + "first, paged; q is part of the name (case-insensitive). 400 RECEIVABLES_SEARCH_INVALID. Operator only.")
  ResponseEntity<List<OverdueOrganisationView>> organisations(
      @Parameter(description = "Part of the organisation's name") @RequestParam(required = false) String q,
      PageRequest page) {
    return Paged.ok(receivables.organisations(ReceivablesSearch.parse(q), page).map(OverdueOrganisationView::of));
  }

  record FailedRefundView(UUID tenantId, String organisation, UUID refundId, UUID invoiceId,
      @Nullable String invoiceNumber, MoneyView amount, @Nullable String reason, Instant failedAt) {
    static FailedRefundView of(Receivables.FailedRefund r) {
      return new FailedRefundView(r.tenant().value(), r.organisation(), r.refund(), r.invoice(), r.invoiceNumber(),
          MoneyView.of(r.amount()), r.reason(), r.failedAt());
    }
  }

  @GetMapping("/failed-refunds")
  @Operation(summary = "Refunds the payment provider refused, newest first, paged: the money is still owed to the "
      + "organisation (reason: refund_failed, no_payment_method). Operator only.")
  ResponseEntity<List<FailedRefundView>> failedRefunds(PageRequest page) {
    return Paged.ok(receivables.failedRefunds(page).map(FailedRefundView::of));
  }

  @GetMapping("/months")
  @Operation(summary = "Per UTC month, the last `months` (default 12, 1 to 36) with the running one last, per "
      + "currency: recovered (retries and pay-now that took the money) and lost (invoices given up on that month "
      + "and still owed today). 400 RECEIVABLES_MONTHS_INVALID. Operator only.")
  RecoveryMonthsView months(@Parameter(description = "How many months, 1 to 36") @RequestParam(required = false) String months) {
    return new RecoveryMonthsView(receivables.months(Receivables.months(months)).stream()
        .map(s -> new RecoverySeriesView(s.currency(), s.months().stream().map(RecoveryMonthView::of).toList()))
        .toList());
  }
}
