package org.billingcenter.webhook.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Paged;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.DeliveryStatus;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.webhook.NewWebhookEndpoint;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints: a Global admin manages the organisation's (its events only), the operator the
 * operator's (every organisation's events). The same paths for both: the signed-in account decides
 * whose, never the request.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class WebhookEndpointApi {

  private final WebhookService webhooks;

  WebhookEndpointApi(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  /** Since when failed deliveries are sent again. */
  record ReplayFailedSince(@NotNull Instant since) {}

  record ReplayedCount(int replayed) {}

  /** The outcome of a test send: DELIVERED on a 2xx answer, else RETRY with the status or error. */
  record WebhookTestResult(Attempt.Outcome outcome, @Nullable Integer code, long latencyMillis, @Nullable String detail) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Registers an endpoint; the answer carries its signing secret, shown this once. 422 "
      + "WEBHOOK_URL_FORBIDDEN_ADDRESS when the host resolves to a loopback, private, link-local or metadata "
      + "address; WEBHOOK_URL_NOT_HTTPS; WEBHOOK_EVENT_TYPE_UNKNOWN.")
  WebhookEndpointView register(@Valid @RequestBody NewWebhookEndpoint body, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookEndpointView.of(webhooks.register(owner(me), body, me.getUsername()));
  }

  @GetMapping
  @Operation(summary = "The caller's endpoints, oldest first (paged).")
  ResponseEntity<List<WebhookEndpointView>> list(PageRequest page, @AuthenticationPrincipal SignedInAccount me) {
    return Paged.ok(webhooks.list(owner(me), page).map(WebhookEndpointView::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One endpoint (without its secret).")
  WebhookEndpointView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookEndpointView.of(webhooks.get(owner(me), id));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Deletes an endpoint; its pending deliveries are given up.")
  void delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    webhooks.delete(owner(me), id, me.getUsername());
  }

  @PostMapping("/{id}/secret-rotation")
  @Operation(summary = "A new signing secret, shown this once; the previous one also signs for the overlap "
      + "(billing-center.webhooks.rotation-overlap, 24 h by default).")
  WebhookEndpointView rotate(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookEndpointView.of(webhooks.rotate(owner(me), id, me.getUsername()));
  }

  @PostMapping("/{id}/enable")
  @Operation(summary = "Turns a disabled endpoint back on (its failing period starts afresh).")
  WebhookEndpointView enable(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return WebhookEndpointView.of(webhooks.enable(owner(me), id, me.getUsername()));
  }

  @PostMapping("/{id}/test")
  @Operation(summary = "Sends a signed webhook.test message now (not through the outbox) and answers how it went.")
  WebhookTestResult test(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    Attempt a = webhooks.test(owner(me), id);
    return new WebhookTestResult(a.outcome(), a.code(), a.latencyMillis(), a.detail());
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "The endpoint's delivery log, newest first (paged), optionally of one status.")
  ResponseEntity<List<WebhookDeliveryView>> deliveries(@PathVariable UUID id,
      @RequestParam(required = false) @Parameter(description = "Only deliveries in this status.") @Nullable DeliveryStatus status,
      PageRequest page, @AuthenticationPrincipal SignedInAccount me) {
    return Paged.ok(webhooks.deliveries(owner(me), id, status, page).map(WebhookDeliveryView::of));
  }

  @PostMapping("/{id}/replay-failed")
  @Operation(summary = "Sends again every FAILED delivery to the endpoint created since the given instant.")
  ReplayedCount replayFailed(@PathVariable UUID id, @Valid @RequestBody ReplayFailedSince body,
      @AuthenticationPrincipal SignedInAccount me) {
    return new ReplayedCount(webhooks.replayFailed(owner(me), id, body.since(), me.getUsername()));
  }

  static Owner owner(SignedInAccount me) {
    return Owner.of(me).orElseThrow(() -> new AccessDeniedException("not a Global admin or the operator"));
  }
}
