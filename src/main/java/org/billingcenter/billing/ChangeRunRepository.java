package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The billing run's SQL for changes: the scheduled changes due at renewals and the prorated
 * charges due on invoices, read per batch of tenants and written in JDBC batches.
 */
@Repository
class ChangeRunRepository {

  static final String ACTOR = "billing-run";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  ChangeRunRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * A PENDING scheduled change due by the run date, with the licenses assigned now (read straight
   * from license_assignment, a read-model join: licensing depends on billing, not the reverse).
   */
  record ChangeRow(
      TenantId tenant, SubscriptionId subscription, UUID id, String kind, Integer quantity, String planId,
      LocalDate effectiveOn, int assigned) {}

  List<ChangeRow> dueChanges(Collection<TenantId> tenants, LocalDate day) {
    return jdbc.sql(
            """
            select c.tenant_id, c.subscription_id, c.change_id, c.kind, c.quantity, c.plan_id, c.effective_on,
                   (select count(*) from license_assignment a
                     where a.tenant_id = c.tenant_id and a.subscription_id = c.subscription_id) as assigned
              from scheduled_change c
             where c.tenant_id in (:tenants) and c.status = 'PENDING' and c.effective_on <= :day
             order by c.tenant_id, c.subscription_id, c.effective_on, c.kind
            """)
        .param("tenants", ids(tenants))
        .param("day", day)
        .query((rs, i) -> new ChangeRow(
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
            rs.getObject("change_id", UUID.class),
            rs.getString("kind"),
            (Integer) rs.getObject("quantity"),
            rs.getString("plan_id"),
            rs.getDate("effective_on").toLocalDate(),
            rs.getInt("assigned")))
        .list();
  }

  /** A change's prorated charge waiting for the invoice of {@code dueOn}, with the terms after it. */
  record ProratedRow(TenantId tenant, UUID change, SubscriptionId subscription, LocalDate dueOn, PeriodCharge terms) {}

  List<ProratedRow> dueProrated(Collection<TenantId> tenants, LocalDate day) {
    return jdbc.sql(
            """
            select tenant_id, change_id, subscription_id, due_on, period_start, period_end, quantity_after,
                   unit_price_after_minor, amount_minor, currency
              from prorated_amount
             where tenant_id in (:tenants) and status = 'PENDING' and due_on <= :day
             order by tenant_id, due_on, seq
            """)
        .param("tenants", ids(tenants))
        .param("day", day)
        .query((rs, i) -> new ProratedRow(
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            rs.getObject("change_id", UUID.class),
            new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
            rs.getDate("due_on").toLocalDate(),
            new PeriodCharge(
                new BillingPeriod(rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate()),
                Money.of(rs.getLong("unit_price_after_minor"), rs.getString("currency")),
                rs.getInt("quantity_after"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")))))
        .list();
  }

  record Invoiced(TenantId tenant, UUID change, UUID invoice) {}

  void invoiced(List<Invoiced> charges) {
    batch.batchUpdate(
        """
        update prorated_amount set status = 'INVOICED', invoice_id = :invoice
         where tenant_id = :tenant and change_id = :change and direction = 'CHARGE' and status = 'PENDING'
        """,
        charges.stream().map(c -> new MapSqlParameterSource()
            .addValue("tenant", c.tenant().value())
            .addValue("change", c.change())
            .addValue("invoice", c.invoice())).toArray(MapSqlParameterSource[]::new));
  }

  /**
   * A scheduled change the run applied, what the audit trail says about it, and the quantity or
   * plan before and after (kept on the row for its subscription.updated event).
   */
  record Applied(TenantId tenant, SubscriptionId subscription, UUID change, String description, String from, String to) {}

  void applied(List<Applied> changes, Instant now) {
    MapSqlParameterSource[] rows = changes.stream().map(c -> new MapSqlParameterSource()
        .addValue("tenant", c.tenant().value())
        .addValue("subscription", c.subscription().value())
        .addValue("entity", c.subscription().value().toString())
        .addValue("change", c.change())
        .addValue("after", c.change() + " " + c.description())
        .addValue("actor", ACTOR)
        .addValue("from", c.from())
        .addValue("to", c.to())
        .addValue("now", Utc.of(now))).toArray(MapSqlParameterSource[]::new);
    batch.batchUpdate(
        """
        update scheduled_change set status = 'APPLIED', status_changed_at = :now, applied_from = :from, applied_to = :to
         where tenant_id = :tenant and change_id = :change and status = 'PENDING'
        """, rows);
    batch.batchUpdate(
        """
        insert into audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state)
        values (:tenant, :now, :actor, 'SCHEDULED_CHANGE_APPLIED', 'subscription', :entity, 'PENDING', :after)
        """, rows);
  }

  private static List<UUID> ids(Collection<TenantId> tenants) {
    return tenants.stream().map(TenantId::value).toList();
  }
}
