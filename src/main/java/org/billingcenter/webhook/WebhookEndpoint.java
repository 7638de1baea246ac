package org.billingcenter.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * A registered receiver. {@code tenant} null: the operator's, receiving every organisation's events.
 * {@code eventTypes} are wire names. The secrets are not part of it: they leave the module only once,
 * in {@link NewSecret}.
 */
public record WebhookEndpoint(
    UUID id, TenantId tenant, String url, String description, List<String> eventTypes, Status status,
    String disabledReason, Instant disabledAt, Instant failingSince, String createdBy, Instant createdAt,
    Instant previousSecretExpiresAt) {

  public enum Status {
    ENABLED,
    DISABLED
  }

  public WebhookEndpoint {
    eventTypes = List.copyOf(eventTypes);
  }

  public boolean enabled() {
    return status == Status.ENABLED;
  }

  public boolean subscribedTo(String wireName) {
    return eventTypes.contains(wireName);
  }

  /** A just-generated secret, shown to the caller this once. */
  public record NewSecret(WebhookEndpoint endpoint, String secret) {}
}
