package org.billingcenter.webhook.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.webhook.WebhookService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One webhook delivery with its tries, and its replay. */
@RestController
@RequestMapping("/api/v1/webhook-deliveries")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class WebhookDeliveryApi {

  private final WebhookService webhooks;

  WebhookDeliveryApi(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A delivery to one of the caller's endpoints, with every try (status code, latency, excerpt).")
  WebhookDeliveryView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookDeliveryView.of(webhooks.delivery(WebhookEndpointApi.owner(me), id));
  }

  @PostMapping("/{id}/replay")
  @Operation(summary = "Sends the delivery again as soon as a dispatcher is free, with the same webhook-id.")
  WebhookDeliveryView replay(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookDeliveryView.of(webhooks.replay(WebhookEndpointApi.owner(me), id, me.getUsername()));
  }
}
