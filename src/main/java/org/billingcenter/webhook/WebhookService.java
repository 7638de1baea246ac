package org.billingcenter.webhook;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Deliveries;
import org.billingcenter.outbox.DeliveryRecord;
import org.billingcenter.outbox.DeliveryStatus;
import org.billingcenter.outbox.EventType;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering and managing webhook endpoints, their delivery log and replays, for one owner at a
 * time: another owner's endpoint or delivery is "not found". Changes to an organisation's endpoints
 * are audited in its trail; the operator's, which have no organisation, are logged.
 */
@Service
public class WebhookService {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
  private static final String ENTITY = "webhook_endpoint";

  private final WebhookEndpointRepository endpoints;
  private final WebhookSender sender;
  private final Deliveries deliveries;
  private final WebhookSettings settings;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;

  WebhookService(WebhookEndpointRepository endpoints, WebhookSender sender, Deliveries deliveries,
      WebhookSettings settings, AuditLog audit, JsonMapper json, Clock clock) {
    this.endpoints = endpoints;
    this.sender = sender;
    this.deliveries = deliveries;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public WebhookEndpoint.NewSecret register(Owner owner, NewWebhookEndpoint asked, String actor) {
    String url = asked.url().strip();
    SsrfGuard.refusal(url, settings.allowPrivateTargets(), InetAddress::getAllByName).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    List<String> types = asked.eventTypes().stream().map(String::strip).distinct().toList();
    for (String type : types) {
      if (EventType.ofWireName(type).filter(t -> !t.internal()).isEmpty()) { // Issue 15: internal ones are unknown here
        throw new Rejected(WebhookReason.WEBHOOK_EVENT_TYPE_UNKNOWN, type);
      }
    }
    String description = asked.description() == null || asked.description().isBlank() ? null : asked.description().strip();
    WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), owner.tenant(), url, description, types,
        WebhookEndpoint.Status.ENABLED, null, null, null, actor, clock.instant(), null);
    String secret = Signatures.newSecret();
    endpoints.insert(endpoint, secret);
    changed(owner, actor, AuditLog.Change.of("WEBHOOK_ENDPOINT_REGISTERED", ENTITY, endpoint.id())
        .to(url + " " + String.join(",", types)));
    return new WebhookEndpoint.NewSecret(endpoint, secret);
  }

  @Transactional(readOnly = true)
  public Page<WebhookEndpoint> list(Owner owner, PageRequest page) {
    return endpoints.list(owner, page);
  }

  @Transactional(readOnly = true)
  public WebhookEndpoint get(Owner owner, UUID id) {
    return endpoints.find(owner, id).orElseThrow(() -> new Rejected(WebhookReason.WEBHOOK_ENDPOINT_NOT_FOUND));
  }

  @Transactional
  public void delete(Owner owner, UUID id, String actor) {
    WebhookEndpoint endpoint = get(owner, id);
    endpoints.delete(owner, id);
    changed(owner, actor, AuditLog.Change.of("WEBHOOK_ENDPOINT_DELETED", ENTITY, id).from(endpoint.url()));
  }

  /** A new secret; the old one still signs (beside it) for the overlap, so receivers can switch. */
  @Transactional
  public WebhookEndpoint.NewSecret rotate(Owner owner, UUID id, String actor) {
    get(owner, id);
    String secret = Signatures.newSecret();
    Instant overlapEnds = clock.instant().plus(settings.rotationOverlap());
    endpoints.rotate(owner, id, secret, overlapEnds);
    changed(owner, actor, AuditLog.Change.of("WEBHOOK_SECRET_ROTATED", ENTITY, id).because("previous secret valid until " + overlapEnds));
    return new WebhookEndpoint.NewSecret(get(owner, id), secret);
  }

  @Transactional
  public WebhookEndpoint enable(Owner owner, UUID id, String actor) {
    WebhookEndpoint before = get(owner, id);
    if (!before.enabled()) {
      endpoints.enable(owner, id);
      changed(owner, actor, AuditLog.Change.of("WEBHOOK_ENDPOINT_ENABLED", ENTITY, id).from("DISABLED").to("ENABLED"));
    }
    return get(owner, id);
  }

  /**
   * A signed {@code webhook.test} message sent now, outside the outbox; its outcome is the answer.
   * No transaction: a connection must not be held through a call that may take 15 s.
   */
  public Attempt test(Owner owner, UUID id) {
    WebhookEndpointRepository.Keys keys = endpoints.keys(owner, id)
        .orElseThrow(() -> new Rejected(WebhookReason.WEBHOOK_ENDPOINT_NOT_FOUND));
    UUID messageId = UUID.randomUUID();
    return sender.send(keys, messageId.toString(), Envelope.test(json, messageId, clock.instant(), owner.tenant(), id));
  }

  @Transactional(readOnly = true)
  public Page<DeliveryRecord> deliveries(Owner owner, UUID id, DeliveryStatus status, PageRequest page) {
    get(owner, id);
    return deliveries.forTarget(Channel.WEBHOOK, id.toString(), status, page);
  }

  /** One delivery with its tries, when it went to one of the owner's endpoints. */
  @Transactional(readOnly = true)
  public DeliveryRecord delivery(Owner owner, UUID deliveryId) {
    return deliveries.find(deliveryId)
        .filter(d -> d.channel() == Channel.WEBHOOK)
        .filter(d -> owner.isOperator() || owner.tenant().equals(d.tenant()))
        .filter(d -> ownsTarget(owner, d.target()))
        .orElseThrow(() -> new Rejected(WebhookReason.WEBHOOK_DELIVERY_NOT_FOUND));
  }

  @Transactional
  public DeliveryRecord replay(Owner owner, UUID deliveryId, String actor) {
    DeliveryRecord d = delivery(owner, deliveryId);
    deliveries.replay(deliveryId);
    audit.record(d.tenant(), actor, AuditLog.Change.of("WEBHOOK_DELIVERY_REPLAYED", "delivery", deliveryId)
        .from(d.status()).to(DeliveryStatus.PENDING));
    return delivery(owner, deliveryId);
  }

  /** Every failed delivery to the endpoint since {@code since}, sent again; returns how many. */
  @Transactional
  public int replayFailed(Owner owner, UUID id, Instant since, String actor) {
    get(owner, id);
    int count = deliveries.replayFailed(Channel.WEBHOOK, id.toString(), since);
    changed(owner, actor, AuditLog.Change.of("WEBHOOK_FAILED_REPLAYED", ENTITY, id).to(count + " since " + since));
    return count;
  }

  private boolean ownsTarget(Owner owner, String target) {
    try {
      return endpoints.find(owner, UUID.fromString(target)).isPresent();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void changed(Owner owner, String actor, AuditLog.Change change) {
    if (owner.isOperator()) {
      LOG.info("Operator webhook change by {}: {} {} {}", actor, change.action(), change.entityId(), change.after());
    } else {
      audit.record(owner.tenant(), actor, change);
    }
  }
}
