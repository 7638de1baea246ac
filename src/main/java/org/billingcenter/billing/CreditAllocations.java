package org.billingcenter.billing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.billing.CreditAllocationRepository.NewAllocation;
import org.billingcenter.billing.CreditAllocationRepository.OverdueRow;
import org.billingcenter.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Issue 18: the billing run's side of "credits are applied to overdue invoices before being
 * refunded". It reads (and locks) a batch's overdue invoices for {@link ReturnedCredits}, then
 * writes what the credits paid: the allocations, an audit row each, and
 * {@link InvoicesSettledByCredit} for the invoices that owe nothing any more. Billing cannot call
 * the payment module (payment depends on billing), so the event is how paid invoices bring back
 * the subscriptions that expired for non-payment, in the run's transaction.
 */
@Component
class CreditAllocations {

  static final String ACTOR = "billing-run";

  private final CreditAllocationRepository repository;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  CreditAllocations(CreditAllocationRepository repository, AuditLog audit, ApplicationEventPublisher events) {
    this.repository = repository;
    this.audit = audit;
    this.events = events;
  }

  /** In the batch's transaction; nothing to read when the batch returns no credit. */
  List<OverdueRow> overdue(Collection<TenantId> tenants, boolean anyCredit) {
    return anyCredit ? repository.lockOverdue(tenants) : List.of();
  }

  /** In the batch's transaction, after its invoices and lines are written. */
  void write(ReturnedCredits returned, Instant now) {
    List<NewAllocation> allocations = returned.allocations();
    if (allocations.isEmpty()) {
      return;
    }
    repository.insert(allocations, now);
    for (NewAllocation a : allocations) {
      audit.record(a.tenant(), ACTOR, Change.of("CREDIT_ALLOCATED", "invoice", a.invoice())
          .to(a.amount().toString())
          .because("credit " + a.credit() + " returned on invoice " + a.lineInvoice() + " line " + a.lineNo()));
    }
    returned.settled().forEach((tenant, invoices) -> events.publishEvent(new InvoicesSettledByCredit(tenant, invoices)));
  }
}
