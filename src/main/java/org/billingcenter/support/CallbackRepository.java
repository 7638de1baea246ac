package org.billingcenter.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.billingcenter.support.CallbackService.Filter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

@Repository
class CallbackRepository {

  private final JdbcClient jdbc;

  CallbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CallbackRequest r) {
    jdbc.sql(
            """
            insert into callback_request (tenant_id, callback_request_id, subscription_id, contact_name,
                phone, language, time_window, status, created_at, updated_at, requested_by)
            values (:tenant, :id, :subscription, :name, :phone, :language, :window, :status, :at, :at, :by)
            """)
        .param("tenant", r.tenant().value())
        .param("id", r.id())
        .param("subscription", r.subscription().value())
        .param("name", r.contactName())
        .param("phone", r.phone())
        .param("language", r.language())
        .param("window", r.preferredTimeWindow())
        .param("status", r.status().name())
        .param("at", Utc.of(r.createdAt()))
        .param("by", r.requestedBy())
        .update();
  }

  void update(CallbackRequest r) {
    jdbc.sql(
            """
            update callback_request set status = :status, engineer = :engineer, notes = :notes,
                   updated_at = :at
             where tenant_id = :tenant and callback_request_id = :id
            """)
        .param("tenant", r.tenant().value())
        .param("id", r.id())
        .param("status", r.status().name())
        .param("engineer", r.engineer())
        .param("notes", r.notes())
        .param("at", Utc.of(r.updatedAt()))
        .update();
  }

  Optional<CallbackRequest> findForUpdate(TenantId tenant, UUID id) {
    return jdbc.sql(
            "select * from callback_request where tenant_id = :tenant and callback_request_id = :id for update")
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional();
  }

  boolean hasOpen(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
                """
                select count(*) from callback_request
                 where tenant_id = :tenant and subscription_id = :subscription and status in ('NEW', 'CLAIMED')
                """)
            .param("tenant", tenant.value())
            .param("subscription", subscription.value())
            .query(Long.class)
            .single()
        > 0;
  }

  List<CallbackRequest> unclaimed(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            """
            select * from callback_request
             where tenant_id = :tenant and subscription_id = :subscription and status = 'NEW'
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .query((rs, i) -> map(rs))
        .list();
  }

  /** The organisation's requests, newest first, of one subscription and/or one status when asked. */
  List<CallbackRequest> listForTenant(TenantId tenant, Filter filter, PageRequest page) {
    return bind(jdbc.sql(
            "select * from callback_request where tenant_id = :tenant" + where(filter)
                + " order by created_at desc, callback_request_id limit :size offset :offset"), filter)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(rs))
        .list();
  }

  long countForTenant(TenantId tenant, Filter filter) {
    return bind(jdbc.sql("select count(*) from callback_request where tenant_id = :tenant" + where(filter)), filter)
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  /** Fixed clauses for the filters given: no value is ever written into the SQL text. */
  private static String where(Filter filter) {
    return (filter.subscriptionId() == null ? "" : " and subscription_id = :subscription")
        + (filter.status() == null ? "" : " and status = :status");
  }

  private static StatementSpec bind(StatementSpec statement, Filter filter) {
    StatementSpec bound = filter.subscriptionId() == null ? statement : statement.param("subscription", filter.subscriptionId());
    return filter.status() == null ? bound : bound.param("status", filter.status().name());
  }

  /**
   * The subscription's current request: the open one (there is at most one), else the newest closed
   * one. Open first, so a request made in the same instant as a closed one still wins.
   */
  Optional<CallbackRequest> latest(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            """
            select * from callback_request where tenant_id = :tenant and subscription_id = :subscription
             order by case when status in ('NEW', 'CLAIMED') then 0 else 1 end, created_at desc,
                      updated_at desc, callback_request_id
             limit 1
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .query((rs, i) -> map(rs))
        .optional();
  }

  /** The organisation's open requests: at most one per subscription, so never more than it has. */
  List<CallbackRequest> openForTenant(TenantId tenant) {
    return jdbc.sql(
            """
            select * from callback_request where tenant_id = :tenant and status in ('NEW', 'CLAIMED')
             order by created_at, callback_request_id
            """)
        .param("tenant", tenant.value())
        .query((rs, i) -> map(rs))
        .list();
  }

  Optional<CallbackRequest> find(TenantId tenant, UUID id) {
    return jdbc.sql("select * from callback_request where tenant_id = :tenant and callback_request_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional();
  }

  /**
   * The support queue: the one read across tenants, for support engineers, who serve them all.
   * Oldest first.
   */
  List<CallbackRequest> queue(CallbackStatus status, PageRequest page) {
    return jdbc.sql(
            """
            select * from callback_request where status = :status
             order by created_at, tenant_id, callback_request_id
             limit :size offset :offset
            """)
        .param("status", status.name())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(rs))
        .list();
  }

  long countQueue(CallbackStatus status) {
    return jdbc.sql("select count(*) from callback_request where status = :status")
        .param("status", status.name())
        .query(Long.class)
        .single();
  }

  static CallbackRequest map(ResultSet rs) throws SQLException {
    return new CallbackRequest(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("callback_request_id", UUID.class),
        new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
        rs.getString("contact_name"),
        rs.getString("phone"),
        rs.getString("language"),
        rs.getString("time_window"),
        CallbackStatus.valueOf(rs.getString("status")),
        rs.getString("engineer"),
        rs.getString("notes"),
        Utc.read(rs, "created_at"),
        Utc.read(rs, "updated_at"),
        rs.getString("requested_by"));
  }

  Optional<Instant> firstRequestAt(TenantId tenant, SubscriptionId subscription, Instant since) {
    return jdbc.sql(
            """
            select created_at from callback_request
             where tenant_id = :tenant and subscription_id = :subscription
               and status <> 'WITHDRAWN' and created_at >= :since
             order by created_at limit 1
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("since", Utc.of(since))
        .query((rs, i) -> Utc.read(rs, "created_at"))
        .optional();
  }

  // Issue 17 runs: begin
  /** Across tenants on purpose: the operator's health numbers (no request's content leaves here). */
  CallbackService.QueueStats queueStats() {
    return jdbc.sql("select count(*) as n, min(created_at) as oldest from callback_request"
            + " where status in ('NEW', 'CLAIMED')")
        .query((rs, i) -> new CallbackService.QueueStats(rs.getLong("n"), org.billingcenter.shared.Utc.read(rs, "oldest")))
        .single();
  }
  // Issue 17 runs: end
}
