package org.billingcenter.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Credits as the credits list and the exports show them, in one query: the product of their
 * subscription, the event they came from (no change: a cancellation; a license change: a reduction;
 * else a plan change), the invoice or credit note that returned them and what of them was refunded.
 */
@Repository
class CreditEntryRepository {

  private static final String ENTRIES =
      """
      select c.credit_id, c.subscription_id, c.amount_minor, c.currency, c.status, c.return_on, c.created_at,
             c.applied_invoice_id, i.number, i.kind as returned_kind, pr.name as product_name,
             case when c.change_id is null then 'CANCELLATION'
                  when exists (select 1 from license_quantity_change q
                                where q.tenant_id = c.tenant_id and q.change_id = c.change_id) then 'LICENSE_REDUCTION'
                  else 'PLAN_CHANGE' end as source,
             (select r.amount_minor from refund r where r.tenant_id = c.tenant_id and r.credit_id = c.credit_id) as refunded
        from credit c
        join subscription s on s.tenant_id = c.tenant_id and s.subscription_id = c.subscription_id
        left join plan pl on pl.plan_id = s.plan_id
        left join product pr on pr.product_id = pl.product_id
        left join invoice i on i.tenant_id = c.tenant_id and i.invoice_id = c.applied_invoice_id
       where c.tenant_id = :tenant
      """;

  private final JdbcClient jdbc;

  CreditEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first, as the credits list always showed them. */
  List<CreditEntry> page(TenantId tenant, ZoneId zone, PageRequest page) {
    return jdbc.sql(ENTRIES + " order by c.created_at desc, c.credit_id limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> entry(rs, zone))
        .list();
  }

  /** An entry with the instant it was created: the keyset the exports walk by. */
  record Row(Instant createdAt, CreditEntry entry) {}

  /** Created in [{@code from}, {@code to}), oldest first, after the keyset ({@code afterAt}, {@code afterId}) if given. */
  List<Row> chunk(TenantId tenant, ZoneId zone, Instant from, Instant to, Instant afterAt, UUID afterId, int size) {
    String after = afterAt == null ? "" : " and (c.created_at > :afterAt or (c.created_at = :afterAt and c.credit_id > :afterId))";
    var query = jdbc.sql(ENTRIES + " and c.created_at >= :from and c.created_at < :to" + after
            + " order by c.created_at, c.credit_id fetch first " + size + " rows only")
        .param("tenant", tenant.value())
        .param("from", Utc.of(from))
        .param("to", Utc.of(to));
    if (afterAt != null) {
      query = query.param("afterAt", Utc.of(afterAt)).param("afterId", afterId);
    }
    return query.query((rs, i) -> new Row(Utc.read(rs, "created_at"), entry(rs, zone))).list();
  }

  private static CreditEntry entry(ResultSet rs, ZoneId zone) throws SQLException {
    String currency = rs.getString("currency");
    String kind = rs.getString("returned_kind");
    Object refunded = rs.getObject("refunded");
    return new CreditEntry(
        rs.getObject("credit_id", UUID.class),
        rs.getObject("subscription_id", UUID.class),
        rs.getString("product_name"),
        InvoiceDocument.Source.valueOf(rs.getString("source")),
        Money.of(rs.getLong("amount_minor"), currency),
        Credit.Status.valueOf(rs.getString("status")),
        Utc.read(rs, "created_at").atZone(zone).toLocalDate(),
        rs.getDate("return_on").toLocalDate(),
        rs.getObject("applied_invoice_id", UUID.class),
        rs.getString("number"),
        kind == null ? null : InvoiceDocument.Kind.valueOf(kind),
        refunded == null ? null : Money.of(rs.getLong("refunded"), currency));
  }
}
