package org.billingcenter.payment;

import org.billingcenter.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's three sums over an organisation's issued, non-void invoices asking for money
 * ({@link AccountBalance} says what enters and why).
 */
@Repository
class LedgerRepository {

  private static final String ISSUED = """
      i.tenant_id = :t and i.kind = 'INVOICE' and i.finalized_at is not null and i.voided_at is null
      and i.total_minor > 0
      """;

  /** The invoices' currency (null: none issued), how many currencies, and their totals. */
  record Invoiced(String currency, int currencies, long minor) {}

  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Invoiced invoiced(TenantId tenant) {
    return jdbc.sql("select min(i.currency), count(distinct i.currency), coalesce(sum(i.total_minor), 0)"
            + " from invoice i where " + ISSUED)
        .param("t", tenant.value())
        .query((rs, n) -> new Invoiced(rs.getString(1), rs.getInt(2), rs.getLong(3))).single();
  }

  /** Payments taken: not withdrawn (a voided invoice's), not failed. */
  long paid(TenantId tenant) {
    return sum(tenant, """
        select coalesce(sum(p.amount_minor), 0) from payment p
          join invoice i on i.tenant_id = p.tenant_id and i.invoice_id = p.invoice_id
         where p.withdrawn_at is null and p.status <> 'FAILED' and
        """);
  }

  /** Credits returned to invoices while they were owed. */
  long allocated(TenantId tenant) {
    return sum(tenant, """
        select coalesce(sum(c.amount_minor), 0) from credit_allocation c
          join invoice i on i.tenant_id = c.tenant_id and i.invoice_id = c.invoice_id
         where
        """);
  }

  private long sum(TenantId tenant, String selectWhere) {
    return jdbc.sql(selectWhere + " " + ISSUED).param("t", tenant.value()).query(Long.class).single();
  }
}
