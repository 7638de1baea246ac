package org.billingcenter.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.billing.BillingRunRepository.CreditDone;
import org.billingcenter.billing.BillingRunRepository.CreditRow;
import org.billingcenter.billing.CreditAllocation.Allocation;
import org.billingcenter.billing.CreditAllocation.Owed;
import org.billingcenter.billing.CreditAllocationRepository.NewAllocation;
import org.billingcenter.billing.CreditAllocationRepository.OverdueRow;
import org.billingcenter.billing.InvoiceCalculator.CreditOutcome;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;

/**
 * One batch's pending credits coming back. A credit goes on the invoice of its return date if the
 * tenant has one (a negative line), else on a credit note of that date. Issue 18: what that
 * invoice cannot absorb first pays the tenant's overdue invoices, oldest first (an ADJUSTMENT line
 * per invoice paid, "applied to invoice …", so the date's invoice total stays the sum of its
 * lines); only the rest is refunded. Several credits of one tenant share its overdue invoices: what
 * an earlier credit paid is not owed any more.
 */
final class ReturnedCredits {

  /** The line description that marks a credit applied to an overdue invoice. */
  static final String CREDIT_APPLIED = "CREDIT_APPLIED";

  private final InvoiceBook book;
  private final Map<TenantId, PaymentMethodId> methods;
  private final Map<TenantId, List<Owed>> overdue = new HashMap<>();
  private final List<CreditDone> done = new ArrayList<>();
  private final List<PaymentGateway.Refund> refunds = new ArrayList<>();
  private final List<NewAllocation> allocations = new ArrayList<>();
  private final Map<TenantId, List<UUID>> settled = new LinkedHashMap<>();

  ReturnedCredits(InvoiceBook book, Map<TenantId, PaymentMethodId> methods, List<OverdueRow> overdueOldestFirst) {
    this.book = book;
    this.methods = methods;
    overdueOldestFirst.forEach(o ->
        overdue.computeIfAbsent(o.tenant(), t -> new ArrayList<>()).add(new Owed(o.invoice(), o.outstanding())));
  }

  void add(CreditRow credit) {
    String kind = book.hasInvoice(credit.tenant(), credit.returnOn()) ? "INVOICE" : "CREDIT_NOTE";
    Money zero = Money.zero(credit.amount().currency());
    CreditOutcome outcome =
        InvoiceCalculator.applyCredit(book.total(credit.tenant(), credit.returnOn(), kind, zero), credit.amount());
    UUID invoice = book.line(credit.tenant(), credit.returnOn(), kind, "CREDIT", credit.subscription(), credit.terms(),
        credit.amount().negate(), credit.id(), credit.forChange() ? "PRORATED_CREDIT" : null);
    Money refunded = payOverdue(credit, kind, outcome.refunded());
    if (refunded.isPositive()) {
      book.line(credit.tenant(), credit.returnOn(), kind, "REFUND", credit.subscription(), refunded, credit.id(), null);
      refunds.add(new PaymentGateway.Refund(credit.tenant(), invoice, credit.id(), methods.get(credit.tenant()), refunded));
    }
    done.add(new CreditDone(credit.tenant(), credit.id(), refunded.isPositive() ? "REFUNDED" : "APPLIED", invoice));
  }

  /** Sets {@code rest} against the tenant's overdue invoices; returns what is left to refund. */
  private Money payOverdue(CreditRow credit, String kind, Money rest) {
    List<Owed> owed = overdue.getOrDefault(credit.tenant(), List.of());
    CreditAllocation.Result result = CreditAllocation.allocate(rest, owed);
    for (Allocation a : result.allocations()) {
      UUID lineInvoice = book.line(credit.tenant(), credit.returnOn(), kind, "ADJUSTMENT", credit.subscription(),
          a.amount(), credit.id(), CREDIT_APPLIED);
      int lineNo = book.lastLine(credit.tenant(), credit.returnOn(), kind);
      allocations.add(new NewAllocation(credit.tenant(), credit.id(), a.invoice(), a.amount(), lineInvoice, lineNo));
      if (a.covered()) {
        settled.computeIfAbsent(credit.tenant(), t -> new ArrayList<>()).add(a.invoice());
      }
    }
    overdue.put(credit.tenant(), stillOwed(owed, result.allocations()));
    return result.rest();
  }

  private static List<Owed> stillOwed(List<Owed> owed, List<Allocation> paid) {
    Map<UUID, Money> less = new HashMap<>();
    paid.forEach(a -> less.put(a.invoice(), a.amount()));
    return owed.stream()
        .map(o -> less.containsKey(o.invoice()) ? new Owed(o.invoice(), o.outstanding().minus(less.get(o.invoice()))) : o)
        .filter(o -> o.outstanding().isPositive())
        .toList();
  }

  List<CreditDone> done() {
    return done;
  }

  List<PaymentGateway.Refund> refunds() {
    return refunds;
  }

  List<NewAllocation> allocations() {
    return allocations;
  }

  /** The overdue invoices the batch's credits paid in full, by tenant. */
  Map<TenantId, List<UUID>> settled() {
    return settled;
  }
}
