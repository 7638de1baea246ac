package org.billingcenter.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Effective-dated prices and the catalog's own audit trail: operator data, no tenant. */
@Repository
class PriceRepository {

  private static final RowMapper<PriceChange> CHANGE =
      (rs, i) -> new PriceChange(
          rs.getString("plan_id"),
          rs.getObject("effective_from", LocalDate.class),
          Money.of(rs.getLong("unit_price_minor"), rs.getString("currency")),
          rs.getObject("existing_from", LocalDate.class));

  private static final String SELECT =
      """
      select pp.plan_id, pp.effective_from, pp.unit_price_minor, p.currency, pp.existing_from
        from plan_price pp join plan p on p.plan_id = pp.plan_id
      """;

  private final JdbcClient jdbc;

  PriceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every change of every plan: the catalog is small, and the billing run needs them all. */
  List<PriceChange> all() {
    return jdbc.sql(SELECT + " order by pp.plan_id, pp.effective_from").query(CHANGE).list();
  }

  List<PriceChange> of(String planId) {
    return jdbc.sql(SELECT + " where pp.plan_id = :plan order by pp.effective_from")
        .param("plan", planId).query(CHANGE).list();
  }

  /** The price changes of these plans, none for none. */
  List<PriceChange> of(java.util.Collection<String> planIds) {
    return planIds.isEmpty() ? List.of() : jdbc.sql(SELECT + " where pp.plan_id in (:plans) order by pp.plan_id, pp.effective_from")
        .param("plans", planIds).query(CHANGE).list();
  }

  void insert(PriceChange change, Instant at, String actor) {
    jdbc.sql(
            """
            insert into plan_price (plan_id, effective_from, unit_price_minor, existing_from, announced_at, announced_by)
            values (:plan, :effective, :price, :existing, :at, :actor)
            """)
        .param("plan", change.planId())
        .param("effective", change.effectiveFrom())
        .param("price", change.unitPrice().minor())
        .param("existing", change.existingFrom())
        .param("at", Utc.of(at))
        .param("actor", actor)
        .update();
  }

  void audit(String planId, String action, String before, String after, Instant at, String actor) {
    jdbc.sql(
            """
            insert into catalog_change (catalog_change_id, occurred_at, actor, action, plan_id, before_state, after_state)
            values (:id, :at, :actor, :action, :plan, :before, :after)
            """)
        .param("id", java.util.UUID.randomUUID())
        .param("at", Utc.of(at))
        .param("actor", actor)
        .param("action", action)
        .param("plan", planId)
        .param("before", before)
        .param("after", after)
        .update();
  }
}
