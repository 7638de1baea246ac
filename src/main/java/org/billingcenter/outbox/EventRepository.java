package org.billingcenter.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes events: one at a time, or set-based from a producer's select (ids from the column default). */
@Repository
class EventRepository {

  private final JdbcClient jdbc;

  EventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(TenantId tenant, UUID id, EventType type, Instant at, String subjectId, String data) {
    jdbc.sql(
            """
            insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data)
            values (:tenant, :id, :type, :at, :subject, :data)
            """)
        .param("tenant", tenant.value())
        .param("id", id)
        .param("type", type.wireName())
        .param("at", Utc.of(at))
        .param("subject", subjectId)
        .param("data", data)
        .update();
  }

  int insertSelected(EventType type, Instant at, String select, Map<String, ?> params) {
    return jdbc.sql("insert into outbox_event (tenant_id, subject_id, data, event_type, occurred_at) "
            + "select x.*, :outboxType, :outboxAt from (" + select + ") x")
        .params(params)
        .param("outboxType", type.wireName())
        .param("outboxAt", Utc.of(at))
        .update();
  }
}
