package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events in the caller's transaction: the change and its event commit together or not at
 * all. Dispatchers deliver them after the commit (see package-info).
 */
@Service
public class Outbox {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final OutboxWakeUp wakeUp;

  Outbox(JdbcClient jdbc, JsonMapper json, Clock clock, OutboxWakeUp wakeUp) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.wakeUp = wakeUp;
  }

  /**
   * One event about {@code subjectId}; {@code data} (a record or a map) becomes the event's JSON
   * object as docs/EVENTS.md describes it for {@code type}. Returns the event's id.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(TenantId tenant, EventType type, Object subjectId, Object data) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data)
            values (:tenant, :id, :type, :at, :subject, :data)
            """)
        .param("tenant", tenant.value())
        .param("id", id)
        .param("type", type.wireName())
        .param("at", Utc.of(clock.instant()))
        .param("subject", String.valueOf(subjectId))
        .param("data", json.writeValueAsString(data))
        .update();
    wakeUp.afterCommit();
    return id;
  }

  /**
   * Set-based, for bulk jobs: one event of {@code type} at {@code at} per row of {@code select},
   * which must yield the columns {@code tenant_id, subject_id, data} in that order ({@code data} a
   * JSON object built in SQL from ids, codes, numbers and dates only: nothing there needs escaping).
   * Returns how many events were written.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int appendSelected(EventType type, Instant at, String select, Map<String, ?> params) {
    int written = jdbc.sql("insert into outbox_event (tenant_id, subject_id, data, event_type, occurred_at) "
            + "select x.*, :outboxType, :outboxAt from (" + select + ") x")
        .params(params)
        .param("outboxType", type.wireName())
        .param("outboxAt", Utc.of(at))
        .update();
    if (written > 0) {
      wakeUp.afterCommit();
    }
    return written;
  }
}
