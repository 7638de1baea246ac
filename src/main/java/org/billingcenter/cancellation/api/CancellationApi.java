package org.billingcenter.cancellation.api;

import jakarta.validation.Valid;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.Request;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.springframework.http.HttpStatus;
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
 * {@code GET} the decision and preview; {@code POST} cancels as previewed; {@code DELETE} takes
 * back a term-end cancellation. The policy, not this class, decides who may.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/cancellation")
class CancellationApi {

  private final CancellationService cancellations;
  private final DecisionViews views;

  CancellationApi(CancellationService cancellations, DecisionViews views) {
    this.cancellations = cancellations;
    this.views = views;
  }

  @GetMapping
  DecisionViews.DecisionView check(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "NOW") CancelWhen when,
      @AuthenticationPrincipal SignedInAccount me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return views.of(subscription, cancellations.check(tenant, subscription, Canceller.of(me), when));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  DecisionViews.DecisionView cancel(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) Request body,
      @AuthenticationPrincipal SignedInAccount me) {
    SubscriptionId subscription = new SubscriptionId(id);
    Request request = (body == null ? new Request(null, null, null) : body).withDefaults();
    return views.done(subscription, cancellations.cancel(tenant, subscription, Canceller.of(me), request));
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  void undo(@CurrentTenant TenantId tenant, @PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    cancellations.undo(tenant, new SubscriptionId(id), Canceller.of(me));
  }

}
