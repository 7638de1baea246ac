package org.billingcenter.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracks since when an endpoint fails and turns it off once that lasts {@code disable-after}: an
 * organisation's endpoint then also gets a {@code webhook_endpoint.disabled} event (its Global
 * admins are mailed from it) and an audit entry.
 */
@Component
class EndpointHealth {

  static final String ACTOR = "webhook-dispatcher";
  static final String FAILING_TOO_LONG = "FAILING_TOO_LONG";
  private static final Logger LOG = LoggerFactory.getLogger(EndpointHealth.class);

  private final WebhookEndpointRepository endpoints;
  private final WebhookSettings settings;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;

  EndpointHealth(WebhookEndpointRepository endpoints, WebhookSettings settings, AuditLog audit, Outbox outbox,
      Clock clock) {
    this.endpoints = endpoints;
    this.settings = settings;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public void record(WebhookEndpoint endpoint, Attempt attempt) {
    if (attempt.outcome() == Attempt.Outcome.DELIVERED) {
      endpoints.succeeded(endpoint);
      return;
    }
    if (attempt.outcome() != Attempt.Outcome.RETRY) {
      return;
    }
    Instant now = clock.instant();
    endpoints.failing(endpoint, now);
    Instant since = endpoint.failingSince() == null ? now : endpoint.failingSince();
    if (since.plus(settings.disableAfter()).isAfter(now) || !endpoints.disable(endpoint, FAILING_TOO_LONG, now)) {
      return;
    }
    LOG.warn("Webhook endpoint {} disabled: failing since {}", endpoint.id(), since);
    if (endpoint.tenant() != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("endpointId", endpoint.id().toString());
      data.put("url", endpoint.url());
      data.put("failingSince", since.toString());
      outbox.append(endpoint.tenant(), EventType.WEBHOOK_ENDPOINT_DISABLED, endpoint.id(), data);
      audit.record(endpoint.tenant(), ACTOR, AuditLog.Change.of("WEBHOOK_ENDPOINT_DISABLED", "webhook_endpoint",
          endpoint.id()).from("ENABLED").to("DISABLED").because(FAILING_TOO_LONG + " since " + since));
    }
  }
}
