package org.billingcenter.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Delivery;
import org.billingcenter.outbox.DeliveryChannel;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks as an outbox channel: an event goes to the enabled endpoints of its organisation and of
 * the operator that subscribed to its type; the target is the endpoint's id, the
 * {@code webhook-id} the event's id (the same on every retry and replay).
 */
@Component
class WebhookChannel implements DeliveryChannel {

  private final WebhookEndpointRepository endpoints;
  private final WebhookSender sender;
  private final EndpointHealth health;
  private final JsonMapper json;

  WebhookChannel(WebhookEndpointRepository endpoints, WebhookSender sender, EndpointHealth health, JsonMapper json) {
    this.endpoints = endpoints;
    this.sender = sender;
    this.health = health;
    this.json = json;
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public Map<UUID, List<String>> targetsFor(List<OutboxEvent> events) {
    List<TenantId> tenants = events.stream().map(OutboxEvent::tenant).distinct().toList();
    if (tenants.isEmpty()) {
      return Map.of();
    }
    List<WebhookEndpoint> enabled = endpoints.enabledFor(tenants);
    Map<UUID, List<String>> targets = new LinkedHashMap<>();
    for (OutboxEvent event : events) {
      if (event.type().internal()) {
        continue; // Issue 15: internal events (single-use links) never leave as webhooks
      }
      List<String> ids = enabled.stream()
          .filter(e -> e.tenant() == null || e.tenant().equals(event.tenant()))
          .filter(e -> e.subscribedTo(event.type().wireName()))
          .map(e -> e.id().toString())
          .toList();
      if (!ids.isEmpty()) {
        targets.put(event.eventId(), ids);
      }
    }
    return targets;
  }

  /** Its targets are endpoint ids; anything else is some other sender's. */
  @Override
  public boolean handles(String target) {
    return endpointId(target).isPresent();
  }

  @Override
  public Attempt send(Delivery delivery, OutboxEvent event) {
    Optional<WebhookEndpointRepository.Keys> keys = endpointId(delivery.target())
        .flatMap(id -> endpoints.keys(delivery.tenant(), id));
    if (keys.isEmpty()) {
      return Attempt.giveUp(null, 0, "endpoint deleted");
    }
    WebhookEndpoint endpoint = keys.get().endpoint();
    if (event.type().internal()) {
      return Attempt.giveUp(null, 0, "internal event"); // Issue 15: not even by a replay
    }
    if (!endpoint.enabled()) {
      return Attempt.giveUp(null, 0, "endpoint disabled");
    }
    Attempt attempt = sender.send(keys.get(), event.eventId().toString(), Envelope.of(json, event));
    if (!(attempt.outcome() == Attempt.Outcome.DELIVERED && endpoint.failingSince() == null)) {
      // A success of a healthy endpoint changes nothing: no transaction (and no pooled connection) for it.
      health.record(endpoint, attempt);
    }
    return attempt;
  }

  private static Optional<UUID> endpointId(String target) {
    try {
      return Optional.of(UUID.fromString(target));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
