package org.billingcenter.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The session registry. Every statement names the owner ({@code tenant_id = :tenant}, or
 * {@code tenant_id is null} for operator-side accounts) except the node's poll of ended sessions,
 * which reads ids only, of every owner, to refuse them locally. "Active" is: not ended, and seen
 * within the idle timeout (a node that died never ends its rows).
 */
@Repository
class SessionRepository {

  private static final String COLUMNS =
      "session_id, tenant_id, username, created_at, last_seen_at, client_address, device";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  SessionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void insert(WebSession s) {
    jdbc.sql(
            """
            insert into web_session (session_id, tenant_id, username, created_at, last_seen_at, client_address, device)
            values (:id, :tenant, :username, :at, :at, :address, :device)
            """)
        .param("id", s.id())
        .param("tenant", s.tenant() == null ? null : s.tenant().value())
        .param("username", s.username())
        .param("at", Utc.of(s.createdAt()))
        .param("address", s.clientAddress())
        .param("device", s.device())
        .update();
  }

  Optional<WebSession> findActive(SessionOwner owner, UUID id, Instant idleSince) {
    return jdbc.sql("select " + COLUMNS + " from web_session where " + owned(owner)
            + " and session_id = :id and ended_at is null and last_seen_at > :idle")
        .params(ownerParam(owner))
        .param("id", id)
        .param("idle", Utc.of(idleSince))
        .query((rs, i) -> row(rs))
        .optional();
  }

  /** Active sessions of the owner, optionally of one username, newest first. */
  Page<WebSession> active(SessionOwner owner, String username, Instant idleSince, PageRequest page) {
    String where = " from web_session where " + owned(owner) + " and ended_at is null and last_seen_at > :idle"
        + (username == null ? "" : " and username = :username");
    Map<String, Object> params = new java.util.HashMap<>(ownerParam(owner));
    params.put("idle", Utc.of(idleSince));
    if (username != null) {
      params.put("username", username);
    }
    List<WebSession> items = jdbc.sql("select " + COLUMNS + where
            + " order by created_at desc, session_id limit :limit offset :offset")
        .params(params)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> row(rs))
        .list();
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    return new Page<>(items, page, total);
  }

  /** The ids of a person's sessions not yet ended (whatever their age). */
  List<UUID> open(SessionOwner owner, String username) {
    return jdbc.sql("select session_id from web_session where " + owned(owner)
            + " and username = :username and ended_at is null")
        .params(ownerParam(owner))
        .param("username", username)
        .query(UUID.class)
        .list();
  }

  /** True when this call ended it (not when it was ended already). Stamped with the database's clock. */
  boolean end(SessionOwner owner, UUID id, String by, EndReason reason) {
    return jdbc.sql("update web_session set ended_at = current_timestamp, ended_by = :by, end_reason = :reason"
            + " where " + owned(owner) + " and session_id = :id and ended_at is null")
        .params(ownerParam(owner))
        .param("id", id)
        .param("by", by)
        .param("reason", reason.name())
        .update() == 1;
  }

  /** One poll: the ids of sessions ended after {@code since} (database time), of every owner. */
  List<UUID> endedSince(Instant since) {
    return jdbc.sql("select session_id from web_session where ended_at > :since")
        .param("since", Utc.of(since))
        .query(UUID.class)
        .list();
  }

  Instant databaseNow() {
    return jdbc.sql("select current_timestamp").query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
  }

  /** A batch of last-seen times, each written only forwards and only on a row not ended. */
  void seen(Map<UUID, LastSeen> seen) {
    if (seen.isEmpty()) {
      return;
    }
    List<MapSqlParameterSource> tenants = new java.util.ArrayList<>();
    List<MapSqlParameterSource> operatorSide = new java.util.ArrayList<>();
    seen.forEach((id, s) -> {
      MapSqlParameterSource p = new MapSqlParameterSource().addValue("id", id).addValue("at", Utc.of(s.at()));
      if (s.tenant() == null) {
        operatorSide.add(p);
      } else {
        tenants.add(p.addValue("tenant", s.tenant().value()));
      }
    });
    String set = "update web_session set last_seen_at = :at where ";
    String guard = " and session_id = :id and ended_at is null and last_seen_at < :at";
    if (!tenants.isEmpty()) {
      batch.batchUpdate(set + "tenant_id = :tenant" + guard, tenants.toArray(MapSqlParameterSource[]::new));
    }
    if (!operatorSide.isEmpty()) {
      batch.batchUpdate(set + "tenant_id is null" + guard, operatorSide.toArray(MapSqlParameterSource[]::new));
    }
  }

  /** When a session was last seen on this node, and whose it is (the update names the owner). */
  record LastSeen(TenantId tenant, Instant at) {}

  private static String owned(SessionOwner owner) {
    return owner.operatorSide() ? "tenant_id is null" : "tenant_id = :tenant";
  }

  private static Map<String, Object> ownerParam(SessionOwner owner) {
    return owner.operatorSide() ? Map.of() : Map.of("tenant", owner.tenant().value());
  }

  private static WebSession row(ResultSet rs) throws SQLException {
    UUID tenant = rs.getObject("tenant_id", UUID.class);
    return new WebSession(rs.getObject("session_id", UUID.class), tenant == null ? null : new TenantId(tenant),
        rs.getString("username"), Utc.read(rs, "created_at"), Utc.read(rs, "last_seen_at"),
        rs.getString("client_address"), rs.getString("device"));
  }
}
