package org.billingcenter.billing;

import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Billing's outbox events of a person's change: a credit recorded (a cancellation, fewer licenses,
 * a cheaper plan). The billing run's are written set-based ({@link BillingRunOutboxRepository}).
 */
@Component
class BillingEvents {

  private final Outbox outbox;

  BillingEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  void creditCreated(Credit credit) {
    outbox.append(credit.tenant(), EventType.CREDIT_CREATED, credit.id(),
        EventData.of("creditId", credit.id())
            .with("subscriptionId", credit.subscription())
            .with("amount", credit.amount())
            .with("returnsOn", credit.returnOn()).asMap());
  }

  /** Issue 16 (void): the operator voided an unpaid invoice; the reason stays in the audit. */
  void invoiceVoided(org.billingcenter.shared.TenantId tenant, InvoiceDocument invoice) {
    outbox.append(tenant, EventType.INVOICE_VOIDED, invoice.id(),
        EventData.of("invoiceId", invoice.id())
            .with("number", invoice.number())
            .with("total", invoice.total()).asMap());
  }
}
