package org.billingcenter.audit;

import java.time.Clock;
import org.billingcenter.shared.Utc;
import java.util.Collection;
import java.util.List;
import java.time.Instant;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit trail. Joins the caller's transaction: no change without its event. */
@Service
public class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What changed; build with {@link #of} and add states or a reason only where they exist. */
  public record Change(
      String action, String entityType, String entityId, String before, String after, String reason) {

    public static Change of(String action, String entityType, Object entityId) {
      return new Change(action, entityType, String.valueOf(entityId), null, null, null);
    }

    public Change from(Object state) {
      return new Change(action, entityType, entityId, String.valueOf(state), after, reason);
    }

    public Change to(Object state) {
      return new Change(action, entityType, entityId, before, String.valueOf(state), reason);
    }

    public Change because(String why) {
      return new Change(action, entityType, entityId, before, after, why);
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(TenantId tenant, String actor, Change change) {
    jdbc.sql(
            """
            insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action,
                                     entity_type, entity_id, before_state, after_state, reason)
            values (:tenant, :id, :at, :actor, :action, :type, :entity, :before, :after, :reason)
            """)
        .param("tenant", tenant.value())
        .param("id", UUID.randomUUID())
        .param("at", Utc.of(clock.instant()))
        .param("actor", actor)
        .param("action", change.action())
        .param("type", change.entityType())
        .param("entity", change.entityId())
        .param("before", change.before())
        .param("after", change.after())
        .param("reason", change.reason())
        .update();
  }

  /** The tenant's events for one entity, oldest first. */
  public List<AuditEvent> history(TenantId tenant, String entityType, String entityId) {
    return jdbc.sql(
            """
            select audit_event_id, occurred_at, actor, action, entity_type, entity_id,
                   before_state, after_state, reason
              from audit_event
             where tenant_id = :tenant and entity_type = :type and entity_id = :entity
             order by occurred_at, seq
            """)
        .param("tenant", tenant.value())
        .param("type", entityType)
        .param("entity", entityId)
        .query(
            (rs, i) ->
                new AuditEvent(
                    tenant,
                    rs.getObject("audit_event_id", UUID.class),
                    Utc.read(rs, "occurred_at"),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("before_state"),
                    rs.getString("after_state"),
                    rs.getString("reason")))
        .list();
  }

  // Issue 16 (exports): the order history reads the trail through this query.
  /**
   * The tenant's events with one of {@code actions}, at or after {@code from} and before {@code until},
   * optionally only for the given entity ids (null: any), newest first, one page with the count.
   */
  public Page<AuditEvent> search(TenantId tenant, Collection<String> actions, Instant from, Instant until,
      Collection<String> entityIds, PageRequest page) {
    String where = """
         where tenant_id = :tenant and action in (:actions) and occurred_at >= :from and occurred_at < :until
        """ + (entityIds == null ? "" : " and entity_id in (:entities)");
    var rows = bind(jdbc.sql("""
            select audit_event_id, occurred_at, actor, action, entity_type, entity_id,
                   before_state, after_state, reason
              from audit_event
            """ + where + " order by occurred_at desc, seq desc limit :size offset :offset"),
            tenant, actions, from, until, entityIds)
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> new AuditEvent(tenant, rs.getObject("audit_event_id", UUID.class), Utc.read(rs, "occurred_at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("before_state"), rs.getString("after_state"), rs.getString("reason")))
        .list();
    long total = bind(jdbc.sql("select count(*) from audit_event" + where), tenant, actions, from, until, entityIds)
        .query(Long.class).single();
    return new Page<>(rows, page, total);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, TenantId tenant, Collection<String> actions,
      Instant from, Instant until, Collection<String> entityIds) {
    sql = sql.param("tenant", tenant.value()).param("actions", actions).param("from", Utc.of(from))
        .param("until", Utc.of(until));
    return entityIds == null ? sql : sql.param("entities", entityIds);
  }

  // Issue 17 organisations: begin
  /** Every event of the tenant, newest first, one page with the count (the operator's view of one organisation). */
  public Page<AuditEvent> page(TenantId tenant, PageRequest page) {
    var rows = jdbc.sql("""
            select audit_event_id, occurred_at, actor, action, entity_type, entity_id,
                   before_state, after_state, reason
              from audit_event where tenant_id = :tenant
             order by occurred_at desc, seq desc limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> new AuditEvent(tenant, rs.getObject("audit_event_id", UUID.class), Utc.read(rs, "occurred_at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("before_state"), rs.getString("after_state"), rs.getString("reason")))
        .list();
    long total = jdbc.sql("select count(*) from audit_event where tenant_id = :tenant")
        .param("tenant", tenant.value()).query(Long.class).single();
    return new Page<>(rows, page, total);
  }
  // Issue 17 organisations: end
}
