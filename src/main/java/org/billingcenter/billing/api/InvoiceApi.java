package org.billingcenter.billing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceFilter;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.shared.BillingFrequency;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Invoices, credit notes and refunds of the signed-in organisation. */
@RestController
class InvoiceApi {

  private final BillingService billing;

  InvoiceApi(BillingService billing) {
    this.billing = billing;
  }

  /**
   * {@code description}: PRORATED_CHARGE or PRORATED_CREDIT for a change's prorated amount (its
   * quantity and unit price are the terms after the change), else absent. Issue 16: {@code source}
   * (PURCHASE, RENEWAL, LICENSE_ADDITION, LICENSE_REDUCTION, PLAN_CHANGE, CANCELLATION), the product
   * and plan it bills. Issue 18: {@code description} CREDIT_APPLIED (source CREDIT_APPLIED) for the part of a
   * credit returned here that paid the overdue invoice numbered {@code appliedTo}.
   */
  record LineView(int lineNo, String kind, @Nullable UUID subscriptionId, @Nullable LocalDate periodStart,
      @Nullable LocalDate periodEnd, @Nullable Integer quantity, @Nullable MoneyView unitPrice, MoneyView amount,
      @Nullable String description, InvoiceDocument.@Nullable Source source, @Nullable String productName,
      @Nullable String planId, @Nullable BillingFrequency billingFrequency, @Nullable String appliedTo) {
    static LineView of(InvoiceDocument.Line l) {
      return new LineView(l.lineNo(), l.kind().name(), l.subscription(), l.periodStart(), l.periodEndExclusive(),
          l.quantity(), l.unitPrice() == null ? null : MoneyView.of(l.unitPrice()), MoneyView.of(l.amount()),
          description(l), l.source(), l.productName(), l.planId(), l.frequency(), l.appliedTo());
    }

    /** The prorated lines as this answer always named them. */
    private static @Nullable String description(InvoiceDocument.Line l) {
      if (l.source() == InvoiceDocument.Source.CREDIT_APPLIED) {
        return "CREDIT_APPLIED";
      }
      if (l.kind() == InvoiceDocument.LineKind.ADJUSTMENT) {
        return "PRORATED_CHARGE";
      }
      boolean change = l.source() == InvoiceDocument.Source.LICENSE_REDUCTION || l.source() == InvoiceDocument.Source.PLAN_CHANGE;
      return l.kind() == InvoiceDocument.LineKind.CREDIT && change ? "PRORATED_CREDIT" : null;
    }
  }

  /**
   * An invoice or credit note. {@code date}: the invoice date. {@code number}: null until the billing
   * run finalises it. {@code total}: for an invoice what it asks to be paid, for a credit note what it
   * credits. {@code charged}: charges and prorated charges; {@code credited}: credits returned
   * (positive); {@code refunded}: paid back to the payment method.
   */
  record InvoiceView(String id, LocalDate date, String kind, MoneyView total, List<LineView> lines,
      @Nullable String number, InvoiceStatus status, LocalDate dueDate, MoneyView charged, MoneyView credited,
      MoneyView refunded) {
    static InvoiceView of(InvoiceDocument d) {
      return new InvoiceView(d.id().toString(), d.issueDate(), d.kind().name(), MoneyView.of(d.total()),
          d.lines().stream().map(LineView::of).toList(), d.number(), d.status(), d.dueDate(),
          MoneyView.of(d.charged()), MoneyView.of(d.credited()), MoneyView.of(d.refunded()));
    }
  }

  /**
   * {@code status}: PENDING_SETTLEMENT until the payment provider answers, then SETTLED (paid back to
   * the payment method) or FAILED (the provider refused it: the money is still owed, support follows up).
   */
  record RefundView(String id, String invoiceId, @Nullable String creditId, MoneyView amount, String status) {}

  /** Newest first; {@code status} and {@code number} (part of it) filter, else 400 INVOICE_FILTER_INVALID. */
  @GetMapping("/api/v1/invoices")
  ResponseEntity<List<InvoiceView>> invoices(@CurrentTenant TenantId tenant, PageRequest page,
      @RequestParam(required = false) @Parameter(description = "Only invoices in this status: OPEN, OVERDUE, UNCOLLECTIBLE, PENDING_SETTLEMENT, PAID, PARTIALLY_CREDITED or VOID.") @Nullable String status,
      @RequestParam(required = false) @Parameter(description = "Only invoices whose number contains this (letters, digits, dashes; any case).") @Nullable String number) {
    return Paged.ok(billing.documents(tenant, InvoiceFilter.parse(status, number), page).map(InvoiceView::of));
  }

  @GetMapping("/api/v1/invoices/{id}")
  InvoiceView invoice(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return InvoiceView.of(billing.document(tenant, id));
  }

  @GetMapping("/api/v1/refunds")
  ResponseEntity<List<RefundView>> refunds(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(billing.refunds(tenant, page)
        .map(r -> new RefundView(r.id().toString(), r.invoice().toString(),
            r.credit() == null ? null : r.credit().toString(), MoneyView.of(r.amount()), r.status())));
  }
}
