package org.billingcenter.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scheduled changes; every statement names its tenant. */
@Repository
class ScheduledChangeRepository {

  private static final String COLUMNS =
      """
      select change_id, subscription_id, kind, quantity, plan_id, effective_on, status, created_by, created_at
        from scheduled_change
      """;

  private final JdbcClient jdbc;

  ScheduledChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ScheduledChange c) {
    jdbc.sql(
            """
            insert into scheduled_change (tenant_id, change_id, subscription_id, kind, quantity, plan_id,
                effective_on, status, created_by, created_at, status_changed_at)
            values (:tenant, :id, :subscription, :kind, :quantity, :plan, :effectiveOn, :status, :by, :at, :at)
            """)
        .param("tenant", c.tenant().value())
        .param("id", c.id())
        .param("subscription", c.subscription().value())
        .param("kind", c.kind().name())
        .param("quantity", c.quantity(), java.sql.Types.INTEGER)
        .param("plan", c.planId(), java.sql.Types.VARCHAR)
        .param("effectiveOn", c.effectiveOn())
        .param("status", c.status().name())
        .param("by", c.createdBy())
        .param("at", Utc.of(c.createdAt()))
        .update();
  }

  /** Moves a change out of PENDING; false when it was no longer PENDING. */
  boolean finish(TenantId tenant, UUID id, ScheduledChange.Status status, Instant now) {
    return jdbc.sql(
                """
                update scheduled_change set status = :status, status_changed_at = :now
                 where tenant_id = :tenant and change_id = :id and status = 'PENDING'
                """)
            .param("tenant", tenant.value())
            .param("id", id)
            .param("status", status.name())
            .param("now", Utc.of(now))
            .update()
        == 1;
  }

  Optional<ScheduledChange> find(TenantId tenant, SubscriptionId subscription, UUID id) {
    return jdbc.sql(COLUMNS + " where tenant_id = :tenant and subscription_id = :subscription and change_id = :id")
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("id", id)
        .query((rs, i) -> change(tenant, rs))
        .optional();
  }

  List<ScheduledChange> pending(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            COLUMNS
                + """
                 where tenant_id = :tenant and subscription_id = :subscription and status = 'PENDING'
                 order by effective_on, kind, change_id
                """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .query((rs, i) -> change(tenant, rs))
        .list();
  }

  /** The PENDING changes of several subscriptions in one query (a page of a list). */
  List<ScheduledChange> pending(TenantId tenant, Collection<SubscriptionId> subscriptions) {
    if (subscriptions.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            COLUMNS
                + """
                 where tenant_id = :tenant and subscription_id in (:subscriptions) and status = 'PENDING'
                 order by subscription_id, effective_on, kind, change_id
                """)
        .param("tenant", tenant.value())
        .param("subscriptions", subscriptions.stream().map(SubscriptionId::value).toList())
        .query((rs, i) -> change(tenant, rs))
        .list();
  }

  private static ScheduledChange change(TenantId tenant, ResultSet rs) throws SQLException {
    return new ScheduledChange(
        tenant,
        rs.getObject("change_id", UUID.class),
        new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
        ScheduledChange.Kind.valueOf(rs.getString("kind")),
        (Integer) rs.getObject("quantity"),
        rs.getString("plan_id"),
        rs.getDate("effective_on").toLocalDate(),
        ScheduledChange.Status.valueOf(rs.getString("status")),
        rs.getString("created_by"),
        Utc.read(rs, "created_at"));
  }
}
