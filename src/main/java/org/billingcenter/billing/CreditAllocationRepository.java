package org.billingcenter.billing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue 18: the overdue invoices a returned credit pays before it is refunded, and the allocations
 * it makes. "Overdue" is billing's own reading of the payment tables: issued, not void, no payment
 * taken, not covered by earlier allocations, declined at least once, and no attempt in flight (an
 * attempt queued or awaiting its answer may still take the money: the credit leaves that invoice
 * alone rather than risk it being paid twice).
 */
@Repository
class CreditAllocationRepository {

  private static final String OVERDUE = OwedInvoiceSql.OVERDUE;

  private static final String ALLOCATED = """
      coalesce((select sum(c.amount_minor) from credit_allocation c
                 where c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id), 0)
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  CreditAllocationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An overdue invoice of the batch and what it still owes. */
  record OverdueRow(TenantId tenant, UUID invoice, String number, Money outstanding) {}

  /**
   * The batch's overdue invoices, oldest first, their rows locked first (dunning and "pay your
   * balance" queue attempts under the same lock), then read again so that an attempt queued just
   * before the lock is seen.
   */
  List<OverdueRow> lockOverdue(Collection<TenantId> tenants) {
    List<UUID> ids = tenants.stream().map(TenantId::value).toList();
    jdbc.sql("select i.invoice_id from invoice i where i.tenant_id in (:tenants) and " + OVERDUE + " for update")
        .param("tenants", ids).query(UUID.class).list();
    return jdbc.sql("select i.tenant_id, i.invoice_id, i.number, i.currency, i.total_minor - " + ALLOCATED
            + " as outstanding from invoice i where i.tenant_id in (:tenants) and " + OVERDUE
            + """
               and not exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id
                                 and a.invoice_id = i.invoice_id and a.status in ('QUEUED', 'SENT'))
               and i.total_minor > """ + ALLOCATED + " order by i.tenant_id, i.invoice_date, i.invoice_id")
        .param("tenants", ids)
        .query((rs, n) -> new OverdueRow(
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            rs.getObject("invoice_id", UUID.class),
            rs.getString("number"),
            Money.of(rs.getLong("outstanding"), rs.getString("currency"))))
        .list();
  }

  /** One allocation and the line on the credit's invoice that carries it. */
  record NewAllocation(TenantId tenant, UUID credit, UUID invoice, Money amount, UUID lineInvoice, int lineNo) {}

  void insert(List<NewAllocation> allocations, Instant now) {
    batch.batchUpdate(
        """
        insert into credit_allocation (tenant_id, allocation_id, credit_id, invoice_id, amount_minor, currency,
                                       created_at, line_invoice_id, line_no)
        values (:tenant, :id, :credit, :invoice, :amount, :currency, :now, :lineInvoice, :lineNo)
        """,
        allocations.stream().map(a -> new MapSqlParameterSource()
            .addValue("tenant", a.tenant().value())
            .addValue("id", UUID.randomUUID())
            .addValue("credit", a.credit())
            .addValue("invoice", a.invoice())
            .addValue("amount", a.amount().minor())
            .addValue("currency", a.amount().currency().getCurrencyCode())
            .addValue("now", Utc.of(now))
            .addValue("lineInvoice", a.lineInvoice())
            .addValue("lineNo", a.lineNo())).toArray(MapSqlParameterSource[]::new));
  }
}
