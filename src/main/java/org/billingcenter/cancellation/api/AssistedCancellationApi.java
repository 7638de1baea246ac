package org.billingcenter.cancellation.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.AssistedRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assisted cancellation: a support engineer cancels on an organisation's behalf, typically after a
 * callback. Not bound by the license threshold, bound by every other rule; the note is mandatory
 * and goes into the audit trail with the engineer's name. Issue 17: only on the engineer's claimed
 * callback request, or with an override reason.
 */
@RestController
@RequestMapping("/api/v1/support/tenants/{tenantId}/subscriptions/{id}/cancellation")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class AssistedCancellationApi {

  private final CancellationService cancellations;
  private final DecisionViews views;

  AssistedCancellationApi(CancellationService cancellations, DecisionViews views) {
    this.cancellations = cancellations;
    this.views = views;
  }

  @GetMapping
  DecisionViews.DecisionView check(
      @PathVariable UUID tenantId, @PathVariable UUID id,
      @RequestParam(defaultValue = "NOW") CancelWhen when, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return views.of(subscription, cancellations.check(new TenantId(tenantId), subscription, engineer(me), when));
  }

  @PostMapping
  @Operation(summary = "Cancels for the organisation as previewed, with a mandatory note. Issue 17: 403 "
      + "NO_CLAIMED_REQUEST (with `access`) unless the engineer claimed the subscription's open callback request or "
      + "gives an `overrideReason` (audited as an override); on his claimed request it completes it as cancelled.")
  DecisionViews.DecisionView cancel(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody AssistedRequest body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return views.done(subscription, cancellations.cancelAssisted(new TenantId(tenantId), subscription, me.getName(), body));
  }

  /** The engineer as the preview's canceller: the note only matters to the cancellation itself. */
  private static Canceller engineer(Principal me) {
    return new Canceller(me.getName(), Set.of(Role.SUPPORT_ENGINEER), null);
  }
}
