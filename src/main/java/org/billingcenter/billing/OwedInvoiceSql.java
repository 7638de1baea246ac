package org.billingcenter.billing;

/**
 * Issue 18: the one definition, in SQL over an invoice aliased {@code i}, of an invoice still owed
 * (issued, not void, a total no payment taken and no credit returned to it covers) and of one that
 * is overdue (owed, and a collection of it was declined). The billing run's credit allocation and
 * the payment module's balance, dunning and receivables all select with these.
 */
public final class OwedInvoiceSql {

  private OwedInvoiceSql() {}

  public static final String OWED = """
       i.kind = 'INVOICE' and i.finalized_at is not null and i.voided_at is null and i.total_minor > 0
       and not exists (select 1 from payment p where p.tenant_id = i.tenant_id and p.invoice_id = i.invoice_id
                          and p.withdrawn_at is null and p.status <> 'FAILED')
       and i.total_minor > coalesce((select sum(c.amount_minor) from credit_allocation c
                                      where c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id), 0)
      """;

  /** Owed, and at least one collection of it was declined. */
  public static final String OVERDUE = OWED + """
       and exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                     and a.status = 'DECLINED')
      """;
}
