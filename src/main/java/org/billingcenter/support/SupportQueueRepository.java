package org.billingcenter.support;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The support console's reads and its notes. The queue joins the tenant table for the organisation's
 * name: searching by name across every tenant in one indexed query (rather than a name lookup per
 * request) is what keeps a page of the queue one statement. Support engineers serve all tenants, so
 * this is the one place requests are read across them.
 */
@Repository
class SupportQueueRepository {

  private final JdbcClient jdbc;

  SupportQueueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A queue row: the request and the organisation's name. */
  record Row(CallbackRequest request, String tenantName) {}

  List<Row> queue(QueueFilter filter, Instant now, PageRequest page) {
    return bind(jdbc.sql("select c.*, t.name as tenant_name from callback_request c"
                + " join tenant t on t.tenant_id = c.tenant_id" + where(filter)
                + " order by c.created_at, c.tenant_id, c.callback_request_id limit :size offset :offset"),
            filter, now)
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> new Row(CallbackRepository.map(rs), rs.getString("tenant_name")))
        .list();
  }

  long count(QueueFilter filter, Instant now) {
    return bind(jdbc.sql("select count(*) from callback_request c join tenant t on t.tenant_id = c.tenant_id"
                + where(filter)), filter, now)
        .query(Long.class)
        .single();
  }

  /** The navigation's badge: one count on the (status, created_at) index. */
  long countNew() {
    return jdbc.sql("select count(*) from callback_request where status = 'NEW'").query(Long.class).single();
  }

  /** Fixed clauses for the filters given: no value is ever written into the SQL text. */
  private static String where(QueueFilter f) {
    return " where c.status = :status"
        + (f.languageOrNull() == null ? "" : " and c.language = :language")
        + (f.minWaitingMinutes() == null ? "" : " and c.created_at <= :before")
        + (f.likePattern() == null ? "" : " and lower(t.name) like :q escape '!'");
  }

  private static StatementSpec bind(StatementSpec s, QueueFilter f, Instant now) {
    s = s.param("status", f.statusOrNew().name());
    if (f.languageOrNull() != null) {
      s = s.param("language", f.languageOrNull());
    }
    if (f.minWaitingMinutes() != null) {
      s = s.param("before", Utc.of(now.minusSeconds(60L * f.minWaitingMinutes())));
    }
    return f.likePattern() == null ? s : s.param("q", f.likePattern());
  }

  void insertNote(CallbackNote n) {
    jdbc.sql(
            """
            insert into callback_note (tenant_id, callback_request_id, note_id, engineer, body, created_at)
            values (:tenant, :request, :id, :engineer, :body, :at)
            """)
        .param("tenant", n.tenant().value())
        .param("request", n.request())
        .param("id", n.id())
        .param("engineer", n.engineer())
        .param("body", n.body())
        .param("at", Utc.of(n.createdAt()))
        .update();
  }

  List<CallbackNote> notes(TenantId tenant, UUID request) {
    return jdbc.sql(
            """
            select * from callback_note where tenant_id = :tenant and callback_request_id = :request
             order by created_at, note_id
            """)
        .param("tenant", tenant.value())
        .param("request", request)
        .query((rs, i) -> note(rs))
        .list();
  }

  /** The notes of a page of requests (of any tenants), oldest first: one statement for the whole page. */
  List<CallbackNote> notesOf(Collection<UUID> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from callback_note where callback_request_id in (:ids) order by created_at, note_id")
        .param("ids", requests)
        .query((rs, i) -> note(rs))
        .list();
  }

  private static CallbackNote note(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CallbackNote(new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("callback_request_id", UUID.class), rs.getObject("note_id", UUID.class),
        rs.getString("engineer"), rs.getString("body"), Utc.read(rs, "created_at"));
  }

  void recordOutcome(TenantId tenant, UUID id, CallbackOutcome outcome, @Nullable RetentionReason reason,
      @Nullable String text) {
    jdbc.sql(
            """
            update callback_request set outcome = :outcome, retention_reason = :reason, retention_text = :text
             where tenant_id = :tenant and callback_request_id = :id
            """)
        .param("tenant", tenant.value())
        .param("id", id)
        .param("outcome", outcome.name())
        .param("reason", reason == null ? null : reason.name())
        .param("text", text)
        .update();
  }

  Optional<WorkedOutcome> outcome(TenantId tenant, UUID id) {
    return jdbc.sql(
            """
            select outcome, retention_reason, retention_text from callback_request
             where tenant_id = :tenant and callback_request_id = :id and outcome is not null
            """)
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> new WorkedOutcome(CallbackOutcome.valueOf(rs.getString(1)),
            rs.getString(2) == null ? null : RetentionReason.valueOf(rs.getString(2)), rs.getString(3)))
        .optional();
  }
}
