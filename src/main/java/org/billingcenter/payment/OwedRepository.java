package org.billingcenter.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invoices still owed, read from the billing tables: issued (finalised) invoices, not void, with
 * no payment taken (none, or one withdrawn) and a total the credits returned to them do not cover.
 */
@Repository
class OwedRepository {

  private static final String SELECT = """
      select i.tenant_id, i.invoice_id, i.number, i.invoice_date, coalesce(i.due_date, i.invoice_date) as due_date,
             i.currency, i.total_minor, i.uncollectible_at,
             coalesce((select sum(c.amount_minor) from credit_allocation c
                        where c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id), 0) as allocated,
             (select count(*) from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.status = 'DECLINED') as declined,
             (select count(*) from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.trigger_kind = 'RETRY' and a.status in ('SUCCEEDED', 'DECLINED')) as retries,
             (select count(*) from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.status in ('QUEUED', 'SENT')) as unfinished,
             (select a.outcome_code from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.attempt_no = (select max(b.attempt_no) from payment_attempt b where b.tenant_id = i.tenant_id
                                        and b.invoice_id = i.invoice_id and b.status = 'DECLINED')) as last_decline
        from invoice i
      """;

  // Issue 18 receivables: begin — one definition of "owed", shared with ReceivablesRepository
  static final String OWED = org.billingcenter.billing.OwedInvoiceSql.OWED;
  // Issue 18 receivables: end

  private final JdbcClient jdbc;

  OwedRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organisation's owed invoices, oldest first. */
  List<OwedInvoice> owed(TenantId tenant) {
    return jdbc.sql(SELECT + " where i.tenant_id = :t and " + OWED + " order by i.invoice_date, i.invoice_id")
        .param("t", tenant.value()).query(OwedRepository::owed).list();
  }

  /** One owed invoice, its row locked: the one place attempts at it are queued from. */
  Optional<OwedInvoice> lockOwed(TenantId tenant, UUID invoice) {
    jdbc.sql("select invoice_id from invoice where tenant_id = :t and invoice_id = :i for update")
        .param("t", tenant.value()).param("i", invoice).query(UUID.class).optional();
    return jdbc.sql(SELECT + " where i.tenant_id = :t and i.invoice_id = :i and " + OWED)
        .param("t", tenant.value()).param("i", invoice).query(OwedRepository::owed).optional();
  }

  /**
   * Owed invoices dunning looks at, every organisation's, a page at a time after {@code after}:
   * declined at least once, nothing in flight, not given up on.
   */
  List<OwedInvoice> inDunning(UUID after, int limit) {
    return jdbc.sql(SELECT + """
             where i.invoice_id > :after and i.uncollectible_at is null and
            """ + OWED + """
               and exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id
                             and a.invoice_id = i.invoice_id and a.status = 'DECLINED')
             order by i.invoice_id limit :limit
            """)
        .param("after", after).param("limit", limit).query(OwedRepository::owed).list();
  }

  /** Owed invoices dunning gave up on, every organisation's, a page at a time. */
  List<OwedInvoice> uncollectible(UUID after, int limit) {
    return jdbc.sql(SELECT + " where i.invoice_id > :after and i.uncollectible_at is not null and " + OWED
            + " order by i.invoice_id limit :limit")
        .param("after", after).param("limit", limit).query(OwedRepository::owed).list();
  }

  void markUncollectible(TenantId tenant, UUID invoice, Instant now) {
    jdbc.sql("update invoice set uncollectible_at = :now where tenant_id = :t and invoice_id = :i and uncollectible_at is null")
        .param("now", Utc.of(now)).param("t", tenant.value()).param("i", invoice).update();
  }

  /** The subscriptions the invoice charged. */
  List<SubscriptionId> charged(TenantId tenant, UUID invoice) {
    return jdbc.sql("""
            select distinct subscription_id from invoice_line
             where tenant_id = :t and invoice_id = :i and kind = 'CHARGE' and subscription_id is not null
            """)
        .param("t", tenant.value()).param("i", invoice)
        .query((rs, n) -> new SubscriptionId(rs.getObject(1, UUID.class))).list();
  }

  /** Whether any invoice dunning gave up on and still owed charged the subscription. */
  boolean stillUncollectible(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(SELECT + """
             where i.tenant_id = :t and i.uncollectible_at is not null and
            """ + OWED + """
               and exists (select 1 from invoice_line l where l.tenant_id = i.tenant_id and l.invoice_id = i.invoice_id
                             and l.kind = 'CHARGE' and l.subscription_id = :s)
            """)
        .param("t", tenant.value()).param("s", subscription.value()).query(OwedRepository::owed).list().size() > 0;
  }

  private static OwedInvoice owed(ResultSet rs, int n) throws SQLException {
    String currency = rs.getString("currency");
    long total = rs.getLong("total_minor");
    return new OwedInvoice(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("invoice_id", UUID.class),
        rs.getString("number"),
        rs.getDate("invoice_date").toLocalDate(),
        rs.getDate("due_date").toLocalDate(),
        Money.of(total, currency),
        Money.of(total - rs.getLong("allocated"), currency),
        Utc.read(rs, "uncollectible_at"),
        rs.getInt("declined"),
        rs.getInt("retries"),
        rs.getInt("unfinished") > 0,
        rs.getString("last_decline"));
  }
}
