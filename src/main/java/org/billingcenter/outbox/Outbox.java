package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
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

  private final EventRepository events;
  private final JsonMapper json;
  private final Clock clock;
  private final OutboxWakeUp wakeUp;

  Outbox(EventRepository events, JsonMapper json, Clock clock, OutboxWakeUp wakeUp) {
    this.events = events;
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
    events.insert(tenant, id, type, clock.instant(), String.valueOf(subjectId), json.writeValueAsString(data));
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
    int written = events.insertSelected(type, at, select, params);
    if (written > 0) {
      wakeUp.afterCommit();
    }
    return written;
  }
}
