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
import org.springframework.jdbc.core.simple.JdbcClient;
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
                phone, language, time_window, status, created_at, updated_at)
            values (:tenant, :id, :subscription, :name, :phone, :language, :window, :status, :at, :at)
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

  List<CallbackRequest> listForTenant(TenantId tenant, PageRequest page) {
    return jdbc.sql(
            """
            select * from callback_request where tenant_id = :tenant
             order by created_at desc, callback_request_id limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(rs))
        .list();
  }

  long countForTenant(TenantId tenant) {
    return jdbc.sql("select count(*) from callback_request where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
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

  private static CallbackRequest map(ResultSet rs) throws SQLException {
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
        Utc.read(rs, "updated_at"));
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
}
