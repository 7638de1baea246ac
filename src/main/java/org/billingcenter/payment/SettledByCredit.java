package org.billingcenter.payment;

import org.billingcenter.billing.InvoicesSettledByCredit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: an overdue invoice a returned credit paid in full is paid as if money had come in:
 * the subscriptions that expired for its non-payment come back (unless something else they owe was
 * given up on). Synchronous, in the billing run's transaction: the run and its consequences commit
 * or roll back together.
 */
@Component
class SettledByCredit {

  /** Who brought them back, in their audit rows. */
  static final String ACTOR = "billing-run";

  private final Consequences consequences;

  SettledByCredit(Consequences consequences) {
    this.consequences = consequences;
  }

  @EventListener
  void on(InvoicesSettledByCredit settled) {
    settled.invoices().forEach(invoice -> consequences.paid(settled.tenant(), invoice, ACTOR));
  }
}
