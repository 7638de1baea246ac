package org.billingcenter.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

/** The webhook body, as docs/EVENTS.md promises it to receivers. */
final class Envelope {

  /** The type of a test send: never written to the outbox, never subscribed to. */
  static final String TEST_TYPE = "webhook.test";

  private Envelope() {}

  static String of(JsonMapper json, OutboxEvent event) {
    return of(json, event.eventId(), event.type().wireName(), event.occurredAt(), event.tenant(), event.subjectId(),
        json.readTree(event.data()));
  }

  static String test(JsonMapper json, UUID id, Instant at, TenantId tenant, UUID endpointId) {
    return of(json, id, TEST_TYPE, at, tenant, endpointId.toString(), Map.of("endpointId", endpointId.toString()));
  }

  private static String of(JsonMapper json, UUID id, String type, Instant at, TenantId tenant, String subject,
      Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id.toString());
    body.put("type", type);
    body.put("version", EventType.VERSION);
    body.put("occurredAt", at.toString());
    body.put("tenantId", tenant == null ? null : tenant.value().toString());
    body.put("subjectId", subject);
    body.put("data", data);
    return json.writeValueAsString(body);
  }
}
