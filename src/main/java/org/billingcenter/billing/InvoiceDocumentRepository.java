package org.billingcenter.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invoices and credit notes as documents, in two queries per set of invoices (their headers with
 * what their status is derived from, then all their lines with product, plan and source), never
 * one per invoice.
 */
@Repository
class InvoiceDocumentRepository {

  /** A document's header and the facts its status and totals come from. */
  record Header(UUID id, Kind kind, @Nullable String number, LocalDate date, @Nullable LocalDate dueDate,
      String currency, long totalMinor, java.time.@Nullable Instant finalizedAt, InvoiceStatus.Facts facts,
      long chargedMinor, long creditedMinor, long refundedMinor) {}

  static final String HEADER =
      """
      select i.invoice_id, i.invoice_date, i.kind, i.currency, i.total_minor, i.number, i.due_date, i.finalized_at, i.voided_at,
             i.uncollectible_at,
             (select coalesce(sum(ca.amount_minor), 0) from credit_allocation ca where ca.tenant_id = i.tenant_id
                 and ca.invoice_id = i.invoice_id) as allocated,
             (select count(*) from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.status = 'DECLINED') as declined_attempts,
             (select p.status from payment p where p.tenant_id = i.tenant_id and p.invoice_id = i.invoice_id) as payment_status,
             (select count(*) from refund r where r.tenant_id = i.tenant_id and r.invoice_id = i.invoice_id
                 and r.status = 'PENDING_SETTLEMENT') as refunds_pending,
             (select count(*) from refund r where r.tenant_id = i.tenant_id and r.invoice_id = i.invoice_id
                 and r.status = 'FAILED') as refunds_failed,
             (select coalesce(sum(l.amount_minor), 0) from invoice_line l where l.tenant_id = i.tenant_id
                 and l.invoice_id = i.invoice_id and l.kind in ('CHARGE', 'ADJUSTMENT')) as charged,
             (select coalesce(-sum(l.amount_minor), 0) from invoice_line l where l.tenant_id = i.tenant_id
                 and l.invoice_id = i.invoice_id and l.kind = 'CREDIT') as credited,
             (select coalesce(sum(l.amount_minor), 0) from invoice_line l where l.tenant_id = i.tenant_id
                 and l.invoice_id = i.invoice_id and l.kind = 'REFUND') as refunded,
             exists (select 1 from invoice_line l
                       join credit c on c.tenant_id = l.tenant_id and c.subscription_id = l.subscription_id
                                    and c.activation = l.charge_activation
                       left join prorated_amount pa on pa.tenant_id = c.tenant_id and pa.credit_id = c.credit_id
                      where l.tenant_id = i.tenant_id and l.invoice_id = i.invoice_id and l.kind = 'CHARGE'
                        and c.status in ('APPLIED', 'REFUNDED')
                        and coalesce(c.period_start, pa.period_start) = l.charge_period_start) as credited_later
        from invoice i
       where i.tenant_id = :tenant
      """;

  /** Newest first; several invoices of one date (a finalised one, then a new open one) by creation. */
  static final String NEWEST_FIRST = " order by i.invoice_date desc, i.kind, i.created_at desc, i.invoice_id";

  /** Oldest first, the keyset the exports walk in chunks. */
  static final String OLDEST_FIRST = " order by i.invoice_date, i.kind, i.invoice_id";

  private static final String LINES =
      """
      select l.invoice_id, l.line_no, l.kind, l.subscription_id, l.period_start, l.period_end, l.quantity,
             l.unit_price_minor, l.amount_minor, l.currency, pl.plan_id, pl.billing_frequency, pr.name as product_name,
             ai.number as applied_to,
             case when l.description = 'CREDIT_APPLIED' then 'CREDIT_APPLIED'
                  when l.kind = 'CHARGE' then
                    case when exists (select 1 from invoice_line f
                                       where f.tenant_id = l.tenant_id and f.subscription_id = l.subscription_id
                                         and f.charge_activation = l.charge_activation
                                         and f.charge_period_start < l.charge_period_start)
                         then 'RENEWAL' else 'PURCHASE' end
                  when l.kind = 'ADJUSTMENT' then
                    case when exists (select 1 from prorated_amount pa
                                        join license_quantity_change q on q.tenant_id = pa.tenant_id and q.change_id = pa.change_id
                                       where pa.tenant_id = l.tenant_id and pa.invoice_id = l.invoice_id
                                         and pa.subscription_id = l.subscription_id and pa.direction = 'CHARGE')
                         then 'LICENSE_ADDITION' else 'PLAN_CHANGE' end
                  when c.credit_id is null then null
                  when c.change_id is null then 'CANCELLATION'
                  when exists (select 1 from license_quantity_change q
                                where q.tenant_id = c.tenant_id and q.change_id = c.change_id) then 'LICENSE_REDUCTION'
                  else 'PLAN_CHANGE' end as source
        from invoice_line l
        left join subscription s on s.tenant_id = l.tenant_id and s.subscription_id = l.subscription_id
        left join plan pl on pl.plan_id = coalesce(l.plan_id, s.plan_id)
        left join product pr on pr.product_id = pl.product_id
        left join credit c on c.tenant_id = l.tenant_id and c.credit_id = l.credit_id
        left join credit_allocation ca on ca.tenant_id = l.tenant_id and ca.line_invoice_id = l.invoice_id
                                      and ca.line_no = l.line_no
        left join invoice ai on ai.tenant_id = ca.tenant_id and ai.invoice_id = ca.invoice_id
       where l.tenant_id = :tenant and l.invoice_id in (:ids)
       order by l.invoice_id, l.line_no
      """;

  private final JdbcClient jdbc;

  InvoiceDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  JdbcClient.StatementSpec headers(TenantId tenant, String where) {
    return jdbc.sql(HEADER + where).param("tenant", tenant.value());
  }

  /** The lines of {@code invoices}, by invoice, in line order: one query. */
  Map<UUID, List<Line>> lines(TenantId tenant, List<UUID> invoices) {
    Map<UUID, List<Line>> lines = new HashMap<>();
    if (invoices.isEmpty()) {
      return lines;
    }
    jdbc.sql(LINES)
        .param("tenant", tenant.value())
        .param("ids", invoices)
        .query((rs, i) -> lines.computeIfAbsent(rs.getObject("invoice_id", UUID.class), k -> new ArrayList<>()).add(line(rs)))
        .list();
    return lines;
  }

  static Header header(ResultSet rs, int row) throws SQLException {
    Kind kind = Kind.valueOf(rs.getString("kind"));
    java.sql.Date due = rs.getDate("due_date");
    java.time.Instant finalizedAt = rs.getObject("finalized_at") == null ? null : Utc.read(rs, "finalized_at");
    long total = rs.getLong("total_minor");
    InvoiceStatus.Facts facts = new InvoiceStatus.Facts(kind, finalizedAt != null, rs.getObject("voided_at") != null, total,
        rs.getString("payment_status"), rs.getInt("refunds_pending"), rs.getInt("refunds_failed"),
        rs.getBoolean("credited_later"), rs.getLong("allocated"), rs.getInt("declined_attempts"),
        rs.getObject("uncollectible_at") != null);
    return new Header(rs.getObject("invoice_id", UUID.class), kind, rs.getString("number"),
        rs.getDate("invoice_date").toLocalDate(), due == null ? null : due.toLocalDate(), rs.getString("currency"),
        total, finalizedAt, facts, rs.getLong("charged"), rs.getLong("credited"), rs.getLong("refunded"));
  }

  private static Line line(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    String source = rs.getString("source");
    String frequency = rs.getString("billing_frequency");
    Object unitPrice = rs.getObject("unit_price_minor");
    return new Line(
        rs.getInt("line_no"),
        InvoiceDocument.LineKind.valueOf(rs.getString("kind")),
        source == null ? null : InvoiceDocument.Source.valueOf(source),
        rs.getObject("subscription_id", UUID.class),
        rs.getString("product_name"),
        rs.getString("plan_id"),
        frequency == null ? null : BillingFrequency.valueOf(frequency),
        date(rs, "period_start"),
        date(rs, "period_end"),
        (Integer) rs.getObject("quantity"),
        unitPrice == null ? null : Money.of(rs.getLong("unit_price_minor"), currency),
        Money.of(rs.getLong("amount_minor"), currency),
        rs.getString("applied_to"));
  }

  private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
