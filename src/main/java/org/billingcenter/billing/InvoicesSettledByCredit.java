package org.billingcenter.billing;

import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * Issue 18: the billing run returned a credit to overdue invoices of the organisation and these
 * owe nothing any more. Published in the run's transaction, after the allocations are written, so
 * that a listener (the payment module: subscriptions that expired for non-payment come back) sees
 * them paid and acts in the same transaction.
 */
public record InvoicesSettledByCredit(TenantId tenant, List<UUID> invoices) {

  public InvoicesSettledByCredit {
    invoices = List.copyOf(invoices);
  }
}
