package org.billingcenter.tenant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

  private static final RowMapper<Tenant> TENANT =
      (rs, i) ->
          new Tenant(
              new TenantId(rs.getObject("tenant_id", UUID.class)),
              rs.getString("name"),
              rs.getString("country"),
              Locale.forLanguageTag(rs.getString("locale")),
              ZoneId.of(rs.getString("time_zone")),
              Currency.getInstance(rs.getString("currency")));

  private final JdbcClient jdbc;

  TenantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Tenant tenant, Instant now) {
    jdbc.sql(
            """
            insert into tenant (tenant_id, name, country, locale, time_zone, currency, created_at)
            values (:tenant, :name, :country, :locale, :zone, :currency, :now)
            """)
        .param("tenant", tenant.id().value())
        .param("name", tenant.name())
        .param("country", tenant.country())
        .param("locale", tenant.locale().toLanguageTag())
        .param("zone", tenant.timeZone().getId())
        .param("currency", tenant.currency().getCurrencyCode())
        .param("now", Utc.of(now))
        .update();
  }

  Optional<Tenant> find(TenantId tenant) {
    return jdbc.sql("select * from tenant where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(TENANT)
        .optional();
  }

  /** The tenant's billing day (empty until its first paid period); no row for an unknown tenant. */
  Optional<Optional<Integer>> billingDay(TenantId tenant) {
    return jdbc.sql("select billing_day from tenant where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query((rs, i) -> Optional.ofNullable(rs.getObject("billing_day", Integer.class)))
        .optional();
  }

  /** Sets the billing day unless it is set already (the first paid period wins); true if it set it. */
  boolean setBillingDayIfUnset(TenantId tenant, int billingDay) {
    return jdbc.sql("update tenant set billing_day = :day where tenant_id = :tenant and billing_day is null")
        .param("tenant", tenant.value())
        .param("day", billingDay)
        .update() == 1;
  }

  /** Operator view by name, e.g. to tell whether demo data is already there. */
  List<Tenant> findByName(String name) {
    return jdbc.sql("select * from tenant where name = :name order by created_at")
        .param("name", name)
        .query(TENANT)
        .list();
  }
}
