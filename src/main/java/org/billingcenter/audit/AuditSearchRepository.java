package org.billingcenter.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit searches' SQL. It reads the organisation's name and time zone from {@code tenant} by
 * SQL rather than through the tenant module, which records its own changes here: a type dependency
 * would be a cycle. Newest first by (occurred_at, seq), so the export can walk it in keyset chunks.
 */
@Repository
class AuditSearchRepository {

  private static final String COLUMNS = """
      select e.tenant_id, t.name as tenant_name, e.audit_event_id, e.occurred_at, e.seq, e.actor, e.action,
             e.entity_type, e.entity_id, e.before_state, e.after_state, e.reason
        from audit_event e join tenant t on t.tenant_id = e.tenant_id
      """;
  private static final String NEWEST_FIRST = " order by e.occurred_at desc, e.seq desc";

  /** A filter bound to instants: the days already turned into the right zone's midnights. */
  record Bounds(AuditFilter filter, Instant from, Instant until) {}

  /** A row with its place in the order, for the next keyset chunk. */
  record Row(AuditEntry entry, long seq) {}

  private final JdbcClient jdbc;

  AuditSearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ZoneId> zoneOf(TenantId tenant) {
    return jdbc.sql("select time_zone from tenant where tenant_id = :t").param("t", tenant.value())
        .query(String.class).optional().map(ZoneId::of);
  }

  List<AuditEntry> page(Bounds bounds, PageRequest page) {
    return bind(jdbc.sql(COLUMNS + where(bounds) + NEWEST_FIRST + " limit :size offset :offset"), bounds)
        .param("size", page.size()).param("offset", page.offset())
        .query(AuditSearchRepository::row).list().stream().map(Row::entry).toList();
  }

  long count(Bounds bounds) {
    return bind(jdbc.sql("select count(*) from audit_event e" + where(bounds)), bounds).query(Long.class).single();
  }

  /** Up to {@code size} rows after {@code last} (null: from the newest). */
  List<Row> chunk(Bounds bounds, Row last, int size) {
    String after = last == null ? "" : " and (e.occurred_at < :lastAt or (e.occurred_at = :lastAt and e.seq < :lastSeq))";
    var sql = bind(jdbc.sql(COLUMNS + where(bounds) + after + NEWEST_FIRST + " fetch first " + size + " rows only"), bounds);
    if (last != null) {
      sql = sql.param("lastAt", Utc.of(last.entry().event().occurredAt())).param("lastSeq", last.seq());
    }
    return sql.query(AuditSearchRepository::row).list();
  }

  private static String where(Bounds b) {
    List<String> terms = new ArrayList<>(List.of("e.occurred_at >= :from", "e.occurred_at < :until"));
    AuditFilter f = b.filter();
    if (f.tenant() != null) {
      terms.add(0, "e.tenant_id = :tenant");
    }
    if (f.organisation() != null) {
      terms.add("e.tenant_id in (select o.tenant_id from tenant o where lower(o.name) like :organisation escape '!')");
    }
    if (f.actor() != null) {
      terms.add("e.actor = :actor");
    }
    if (f.action() != null) {
      terms.add("e.action = :action");
    }
    return " where " + String.join(" and ", terms);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Bounds b) {
    AuditFilter f = b.filter();
    sql = sql.param("from", Utc.of(b.from())).param("until", Utc.of(b.until()));
    if (f.tenant() != null) {
      sql = sql.param("tenant", f.tenant().value());
    }
    if (f.organisation() != null) {
      sql = sql.param("organisation", "%" + escapeLike(f.organisation().toLowerCase(Locale.ROOT)) + "%");
    }
    if (f.actor() != null) {
      sql = sql.param("actor", f.actor());
    }
    return f.action() == null ? sql : sql.param("action", f.action());
  }

  /** A typed % or _ is a character to find, not a wildcard. */
  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    AuditEvent event = new AuditEvent(new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("audit_event_id", UUID.class), Utc.read(rs, "occurred_at"), rs.getString("actor"),
        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_state"),
        rs.getString("after_state"), rs.getString("reason"));
    return new Row(new AuditEntry(event, rs.getString("tenant_name")), rs.getLong("seq"));
  }
}
