package org.billingcenter.cancellation.api;

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
 * and goes into the audit trail with the engineer's name.
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
    return views.of(subscription, cancellations.check(new TenantId(tenantId), subscription, engineer(me, null), when));
  }

  @PostMapping
  DecisionViews.DecisionView cancel(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody AssistedRequest body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return views.done(subscription, cancellations.cancelAssisted(new TenantId(tenantId), subscription, me.getName(), body));
  }

  private static Canceller engineer(Principal me, String note) {
    return new Canceller(me.getName(), Set.of(Role.SUPPORT_ENGINEER), note);
  }
}
