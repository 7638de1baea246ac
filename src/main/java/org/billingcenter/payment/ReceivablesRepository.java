package org.billingcenter.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operator's figures of overdue money, across organisations (the operator has no tenant of his
 * own, as dunning's paging has none): overdue invoices are owed ones ({@link OwedRepository#OWED})
 * that were declined at least once. Ages are compared as dates bound from Java, so the SQL never
 * subtracts dates (H2 and PostgreSQL answer that with different types).
 */
@Repository
class ReceivablesRepository {

  /** One row per overdue invoice: its organisation, currency, due date, outstanding amount. */
  private static final String OVERDUE = """
      select i.tenant_id, i.currency, coalesce(i.due_date, i.invoice_date) as due_on, i.uncollectible_at,
             i.total_minor - coalesce((select sum(c.amount_minor) from credit_allocation c
                                        where c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id), 0) as outstanding
        from invoice i
       where exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                       and a.status = 'DECLINED') and
      """ + OwedRepository.OWED;

  private final JdbcClient jdbc;

  ReceivablesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Minor units per age bucket of one currency, and how many organisations owe them. */
  record BucketRow(String currency, long upTo30, long upTo60, long over60, long organisations) {}

  /**
   * Sums by age: due on or after {@code day30} (0–30 days), before it and on or after
   * {@code day60} (31–60), before {@code day60} (more than 60).
   */
  List<BucketRow> buckets(LocalDate day30, LocalDate day60) {
    return jdbc.sql("""
            select o.currency,
                   sum(case when o.due_on >= :day30 then o.outstanding else 0 end) as up_to_30,
                   sum(case when o.due_on < :day30 and o.due_on >= :day60 then o.outstanding else 0 end) as up_to_60,
                   sum(case when o.due_on < :day60 then o.outstanding else 0 end) as over_60,
                   count(distinct o.tenant_id) as organisations
              from (%s) o
             group by o.currency
             order by o.currency
            """.formatted(OVERDUE))
        .param("day30", day30).param("day60", day60)
        .query((rs, n) -> new BucketRow(rs.getString("currency").strip(), rs.getLong("up_to_30"),
            rs.getLong("up_to_60"), rs.getLong("over_60"), rs.getLong("organisations")))
        .list();
  }

  /** An organisation's overdue invoices of one currency, summed. */
  record OrganisationRow(TenantId tenant, String name, String country, String currency, long overdue,
      LocalDate oldestDue, int invoices, boolean uncollectible) {}

  /** Oldest debt first; {@code pattern}: a LIKE pattern on the lower-case name, null for all. */
  List<OrganisationRow> organisations(@Nullable String pattern, long offset, int limit) {
    JdbcClient.StatementSpec sql = jdbc.sql("""
            select o.tenant_id, t.name, t.country, o.currency, sum(o.outstanding) as overdue, min(o.due_on) as oldest,
                   count(*) as invoices, count(o.uncollectible_at) as uncollectible
              from (%s) o join tenant t on t.tenant_id = o.tenant_id
             %s
             group by o.tenant_id, t.name, t.country, o.currency
             order by min(o.due_on), t.name, o.tenant_id, o.currency
             limit :limit offset :offset
            """.formatted(OVERDUE, where(pattern)))
        .param("limit", limit).param("offset", offset);
    return bind(sql, pattern)
        .query((rs, n) -> new OrganisationRow(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("name"),
            rs.getString("country"), rs.getString("currency").strip(), rs.getLong("overdue"),
            rs.getDate("oldest").toLocalDate(), rs.getInt("invoices"), rs.getLong("uncollectible") > 0))
        .list();
  }

  long countOrganisations(@Nullable String pattern) {
    JdbcClient.StatementSpec sql = jdbc.sql("""
        select count(*) from (
          select o.tenant_id, o.currency from (%s) o join tenant t on t.tenant_id = o.tenant_id
           %s
           group by o.tenant_id, o.currency) g
        """.formatted(OVERDUE, where(pattern)));
    return bind(sql, pattern).query(Long.class).single();
  }

  record FailedRefundRow(TenantId tenant, String name, UUID refund, UUID invoice, @Nullable String invoiceNumber,
      long amount, String currency, @Nullable String reason, Instant failedAt) {}

  /** Refunds the provider refused (the money is still owed to the organisation), newest first. */
  List<FailedRefundRow> failedRefunds(long offset, int limit) {
    return jdbc.sql("""
            select r.tenant_id, t.name, r.refund_id, r.invoice_id, i.number, r.amount_minor, r.currency,
                   r.outcome_code, r.finished_at
              from refund r
              join tenant t on t.tenant_id = r.tenant_id
              join invoice i on i.tenant_id = r.tenant_id and i.invoice_id = r.invoice_id
             where r.status = 'FAILED'
             order by r.finished_at desc, r.refund_id
             limit :limit offset :offset
            """)
        .param("limit", limit).param("offset", offset)
        .query((rs, n) -> new FailedRefundRow(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("name"),
            rs.getObject("refund_id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("number"),
            rs.getLong("amount_minor"), rs.getString("currency").strip(), rs.getString("outcome_code"),
            Utc.read(rs, "finished_at")))
        .list();
  }

  long countFailedRefunds() {
    return jdbc.sql("select count(*) from refund where status = 'FAILED'").query(Long.class).single();
  }

  /** Minor units per currency of retries and "pay now" that took the money in [from, to). */
  Map<String, Long> recovered(Instant from, Instant to) {
    return perCurrency(jdbc.sql("""
            select a.currency, sum(a.amount_minor) as amount from payment_attempt a
             where a.status = 'SUCCEEDED' and a.trigger_kind in ('RETRY', 'PAY_NOW')
               and a.finished_at >= :from and a.finished_at < :to
             group by a.currency
            """)
        .param("from", Utc.of(from)).param("to", Utc.of(to)));
  }

  /**
   * Minor units per currency still owed today on invoices given up on in [from, to). An invoice
   * paid or voided since is not lost: it leaves these figures.
   */
  Map<String, Long> lost(Instant from, Instant to) {
    return perCurrency(jdbc.sql("""
            select o.currency, sum(o.outstanding) as amount from (%s) o
             where o.uncollectible_at >= :from and o.uncollectible_at < :to
             group by o.currency
            """.formatted(OVERDUE))
        .param("from", Utc.of(from)).param("to", Utc.of(to)));
  }

  private static Map<String, Long> perCurrency(JdbcClient.StatementSpec sql) {
    Map<String, Long> sums = new LinkedHashMap<>();
    sql.query(rs -> {
      sums.put(rs.getString("currency").strip(), rs.getLong("amount"));
    });
    return sums;
  }

  private static String where(@Nullable String pattern) {
    return pattern == null ? "" : "where lower(t.name) like :pattern escape '!'";
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, @Nullable String pattern) {
    return pattern == null ? sql : sql.param("pattern", pattern);
  }
}
