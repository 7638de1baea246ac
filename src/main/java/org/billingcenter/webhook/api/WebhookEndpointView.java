package org.billingcenter.webhook.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.billingcenter.webhook.WebhookEndpoint;
import org.jspecify.annotations.Nullable;

/** An endpoint as JSON; {@code secret} only in the answer that created or rotated it. */
record WebhookEndpointView(
    String id,
    String url,
    @Nullable String description,
    List<String> eventTypes,
    WebhookEndpoint.Status status,
    @Nullable String disabledReason,
    @Nullable Instant disabledAt,
    @Nullable Instant failingSince,
    @Schema(description = "True for the operator's endpoints, which receive every organisation's events.")
    boolean allOrganisations,
    String createdBy,
    Instant createdAt,
    @Schema(description = "Until then the previous secret also signs (after a rotation).")
    @Nullable Instant previousSecretExpiresAt,
    @Schema(description = "The signing secret (whsec_...): shown in this answer only.")
    @Nullable String secret) {

  static WebhookEndpointView of(WebhookEndpoint e) {
    return of(e, null);
  }

  static WebhookEndpointView of(WebhookEndpoint e, @Nullable String secret) {
    return new WebhookEndpointView(e.id().toString(), e.url(), e.description(), e.eventTypes(), e.status(),
        e.disabledReason(), e.disabledAt(), e.failingSince(), e.tenant() == null, e.createdBy(), e.createdAt(),
        e.previousSecretExpiresAt(), secret);
  }

  static WebhookEndpointView of(WebhookEndpoint.NewSecret created) {
    return of(created.endpoint(), created.secret());
  }
}
