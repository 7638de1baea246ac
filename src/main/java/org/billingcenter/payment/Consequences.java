package org.billingcenter.payment;

import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.NonPayment;
import org.billingcenter.support.CallbackService;
import org.springframework.stereotype.Component;

/**
 * What an invoice's payment, or its loss, does to the subscriptions it charged. Given up on: each
 * still ACTIVE expires (PAYMENT_FAILED), except while the organisation has a callback request open
 * about it (nothing is cancelled for non-payment while support is talking to it; the dunning job
 * looks again every day). Paid: each that ended for non-payment and owes nothing else given up on
 * comes back.
 */
@Component
class Consequences {

  static final String ACTOR = "dunning";

  private final OwedRepository owed;
  private final NonPayment nonPayment;
  private final CallbackService callbacks;

  Consequences(OwedRepository owed, NonPayment nonPayment, CallbackService callbacks) {
    this.owed = owed;
    this.nonPayment = nonPayment;
    this.callbacks = callbacks;
  }

  /** What giving up on an invoice did: subscriptions expired, and kept while a callback request is open. */
  record GivenUp(int expired, int kept) {}

  /** In the caller's transaction. */
  GivenUp givenUp(OwedInvoice invoice) {
    int expired = 0;
    int kept = 0;
    for (SubscriptionId s : owed.charged(invoice.tenant(), invoice.invoice())) {
      boolean talking = callbacks.latest(invoice.tenant(), s).filter(r -> r.status().isOpen()).isPresent();
      if (talking) {
        kept++;
      } else if (nonPayment.expire(invoice.tenant(), s, ACTOR, invoice.number())) {
        expired++;
      }
    }
    return new GivenUp(expired, kept);
  }

  /** In the caller's transaction, after the invoice's payment was written. Returns how many came back. */
  int paid(TenantId tenant, UUID invoice, String actor) {
    int restored = 0;
    for (SubscriptionId s : owed.charged(tenant, invoice)) {
      if (!owed.stillUncollectible(tenant, s) && nonPayment.restore(tenant, s, actor)) {
        restored++;
      }
    }
    return restored;
  }
}
