package org.billingcenter.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.organisation.Organisation.Suspension;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.billingcenter.tenant.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operator's read model over organisations, and the suspensions this module owns. The list reads
 * the tenant, subscription and plan tables in three queries per page whatever its size (a service
 * call per organisation would be 3 × 50 queries); nothing here writes another module's table.
 */
@Repository
class OrganisationRepository {

  /** A page of organisations before their MRR is added. */
  record Row(Tenant tenant, Instant createdAt, long subscriptions, Suspension suspension) {}

  private static final String SELECT = """
      select t.tenant_id, t.name, t.country, t.locale, t.time_zone, t.currency, t.created_at,
             s.suspended_at, s.suspended_by, s.reason,
             (select count(*) from subscription x
               where x.tenant_id = t.tenant_id and x.status in ('TRIAL', 'ACTIVE')) as live
        from tenant t left join tenant_suspension s on s.tenant_id = t.tenant_id
      """;

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> search(OrganisationSearch search, PageRequest page) {
    String order = search.descending() ? " desc" : "";
    return bind(jdbc.sql(SELECT + where(search) + " order by lower(t.name)" + order + ", t.tenant_id" + order
            + " limit :size offset :offset"), search)
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> row(rs))
        .list();
  }

  long count(OrganisationSearch search) {
    return bind(jdbc.sql("select count(*) from tenant t" + where(search)), search).query(Long.class).single();
  }

  Optional<Row> find(TenantId tenant) {
    return jdbc.sql(SELECT + " where t.tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query((rs, i) -> row(rs))
        .optional();
  }

  /**
   * Price × quantity of the active (paid) subscriptions, per organisation, currency and frequency. The
   * price is the unit price its current period was charged at (a catalog price change reaches an
   * existing subscription only at a renewal after its notice), else, before that charge exists, the
   * plan's list price.
   */
  Map<TenantId, List<Mrr.Total>> paidTotals(Collection<TenantId> tenants) {
    Map<TenantId, List<Mrr.Total>> totals = new HashMap<>();
    if (tenants.isEmpty()) {
      return totals;
    }
    jdbc.sql("""
            select x.tenant_id, p.currency, p.billing_frequency,
                   sum(coalesce((select max(l.unit_price_minor) from invoice_line l
                                  where l.tenant_id = x.tenant_id and l.subscription_id = x.subscription_id
                                    and l.kind = 'CHARGE' and l.plan_id = x.plan_id
                                    and l.charge_period_start = x.current_period_start),
                                p.unit_price_minor) * x.quantity) as total
              from subscription x join plan p on p.plan_id = x.plan_id
             where x.tenant_id in (:tenants) and x.status = 'ACTIVE'
             group by x.tenant_id, p.currency, p.billing_frequency
            """)
        .param("tenants", tenants.stream().map(TenantId::value).toList())
        .query(rs -> {
          totals.computeIfAbsent(new TenantId(rs.getObject("tenant_id", UUID.class)), t -> new ArrayList<>())
              .add(new Mrr.Total(Currency.getInstance(rs.getString("currency")),
                  BillingFrequency.valueOf(rs.getString("billing_frequency")), rs.getLong("total")));
        });
    return totals;
  }

  /** One row per suspended organisation: a second suspension breaks the primary key. */
  void suspend(TenantId tenant, Suspension suspension) {
    jdbc.sql("""
            insert into tenant_suspension (tenant_id, suspended_at, suspended_by, reason)
            values (:tenant, :at, :by, :reason)
            """)
        .param("tenant", tenant.value())
        .param("at", Utc.of(suspension.at()))
        .param("by", suspension.by())
        .param("reason", suspension.reason())
        .update();
  }

  boolean resume(TenantId tenant) {
    return jdbc.sql("delete from tenant_suspension where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .update() == 1;
  }

  /** Every suspended organisation: a short list, read whole into each node's memory. */
  Set<TenantId> suspended() {
    return jdbc.sql("select tenant_id from tenant_suspension")
        .query((rs, i) -> new TenantId(rs.getObject("tenant_id", UUID.class)))
        .list().stream().collect(Collectors.toUnmodifiableSet());
  }

  private static String where(OrganisationSearch search) {
    if (search.text().isEmpty()) {
      return "";
    }
    return search.id().isPresent() ? " where t.tenant_id = :id" : " where lower(t.name) like :pattern escape '!'";
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, OrganisationSearch search) {
    if (search.text().isEmpty()) {
      return sql;
    }
    return search.id().isPresent() ? sql.param("id", search.id().get()) : sql.param("pattern", search.pattern());
  }

  private static Row row(ResultSet rs) throws SQLException {
    Tenant tenant = new Tenant(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("name"),
        rs.getString("country"), Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
        Currency.getInstance(rs.getString("currency")));
    Suspension suspension = rs.getString("suspended_by") == null ? null
        : new Suspension(Utc.read(rs, "suspended_at"), rs.getString("suspended_by"), rs.getString("reason"));
    return new Row(tenant, Utc.read(rs, "created_at"), rs.getLong("live"), suspension);
  }
}
