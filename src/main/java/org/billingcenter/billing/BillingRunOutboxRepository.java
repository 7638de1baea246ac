package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.stereotype.Repository;

/**
 * The billing run's outbox events, set-based: one statement per type for a whole batch of tenants,
 * selecting the rows the batch stamped with its instant (V1410), in the batch's transaction. The
 * JSON is built in SQL from ids, codes, numbers and dates only: nothing there needs escaping.
 */
@Repository
class BillingRunOutboxRepository {

  private static final String AMOUNT =
      "'{\"minor\":' || cast(%1$s as varchar(20)) || ',\"currency\":\"' || %2$s || '\"}'";

  private final Outbox outbox;
  private final InvoiceNumberRepository numbers;

  BillingRunOutboxRepository(Outbox outbox, InvoiceNumberRepository numbers) {
    this.outbox = outbox;
    this.numbers = numbers;
  }

  /**
   * The batch's events, after its writes: scheduled changes it applied, credits it set against
   * invoices, refunds it made, and the invoices (and credit notes) it issued, each once.
   */
  void runBatch(List<TenantId> tenants, LocalDate day, Instant at) {
    Map<String, Object> batch = Map.of("tenants", ids(tenants), "at", Utc.of(at));
    outbox.appendSelected(EventType.SUBSCRIPTION_UPDATED, at,
        """
        select c.tenant_id, cast(c.subscription_id as varchar(36)) as subject_id,
               '{"subscriptionId":"' || cast(c.subscription_id as varchar(36))
               || case when c.kind = 'QUANTITY'
                       then '","field":"quantity","from":' || c.applied_from || ',"to":' || c.applied_to
                       else '","field":"plan","from":"' || c.applied_from || '","to":"' || c.applied_to || '"' end
               || ',"effectiveOn":"' || cast(c.effective_on as varchar(10)) || '","actor":"'
               || :actor || '"}' as data
          from scheduled_change c
         where c.tenant_id in (:tenants) and c.status = 'APPLIED' and c.status_changed_at = :at
           and not exists (select 1 from outbox_event e
                            where e.tenant_id = c.tenant_id and e.subject_id = cast(c.subscription_id as varchar(36))
                              and e.event_type = :eventType and e.occurred_at = :at)
        """, with(with(batch, "actor", ChangeRunRepository.ACTOR), "eventType", EventType.SUBSCRIPTION_UPDATED.wireName()));
    outbox.appendSelected(EventType.CREDIT_APPLIED, at,
        """
        select c.tenant_id, cast(c.credit_id as varchar(36)) as subject_id,
               '{"creditId":"' || cast(c.credit_id as varchar(36)) || '","invoiceId":"'
               || cast(c.applied_invoice_id as varchar(36)) || '","amount":' || %s || '}' as data
          from credit c
         where c.tenant_id in (:tenants) and c.finished_at = :at and %s
        """.formatted(AMOUNT.formatted("c.amount_minor", "c.currency"), once("c", "c.credit_id")),
        with(batch, "eventType", EventType.CREDIT_APPLIED.wireName()));
    outbox.appendSelected(EventType.REFUND_CREATED, at,
        """
        select r.tenant_id, cast(r.refund_id as varchar(36)) as subject_id,
               '{"refundId":"' || cast(r.refund_id as varchar(36)) || '","invoiceId":"'
               || cast(r.invoice_id as varchar(36)) || '","creditId":"' || cast(r.credit_id as varchar(36))
               || '","amount":' || %s || '}' as data
          from refund r
          join credit c on c.tenant_id = r.tenant_id and c.credit_id = r.credit_id
         where c.tenant_id in (:tenants) and c.finished_at = :at and %s
        """.formatted(AMOUNT.formatted("r.amount_minor", "r.currency"), once("r", "r.refund_id")),
        with(batch, "eventType", EventType.REFUND_CREATED.wireName()));
    finalizeInvoices(tenants, day, at, batch);
  }

  /**
   * Every invoice of the batch's tenants up to {@code day} not issued yet is issued now, once, with
   * its number (issue 16): the event carries it.
   */
  private void finalizeInvoices(List<TenantId> tenants, LocalDate day, Instant at, Map<String, Object> batch) {
    int issued = numbers.finalise(ids(tenants), day, at);
    if (issued == 0) {
      return;
    }
    outbox.appendSelected(EventType.INVOICE_FINALIZED, at,
        """
        select i.tenant_id, cast(i.invoice_id as varchar(36)) as subject_id,
               '{"invoiceId":"' || cast(i.invoice_id as varchar(36)) || '","number":"' || i.number || '","kind":"' || i.kind
               || '","invoiceDate":"' || cast(i.invoice_date as varchar(10)) || '","total":' || %s || '}' as data
          from invoice i
         where i.tenant_id in (:tenants) and i.finalized_at = :at and %s
        """.formatted(AMOUNT.formatted("i.total_minor", "i.currency"), once("i", "i.invoice_id")),
        with(batch, "eventType", EventType.INVOICE_FINALIZED.wireName()));
  }

  /**
   * The subject has no event of this type yet: stamps are instants, and a batch that happened to
   * get an earlier batch's instant (a fixed test clock) would otherwise find that batch's rows too.
   */
  private static String once(String alias, String id) {
    return "not exists (select 1 from outbox_event e where e.tenant_id = " + alias + ".tenant_id"
        + " and e.subject_id = cast(" + id + " as varchar(36)) and e.event_type = :eventType)";
  }

  private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
    Map<String, Object> all = new java.util.HashMap<>(params);
    all.put(name, value);
    return all;
  }

  private static List<UUID> ids(Collection<TenantId> tenants) {
    return tenants.stream().map(TenantId::value).toList();
  }
}
