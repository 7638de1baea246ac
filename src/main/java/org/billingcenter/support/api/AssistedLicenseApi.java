package org.billingcenter.support.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.api.MoneyView;
import org.billingcenter.licensing.QuantityChangePreview;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.licensing.QuantityChangeWhen;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.AssistedLicenseRemoval;
import org.billingcenter.support.AssistedLicenseRemoval.Removal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Remove licenses for them": the preview of the organisation's own quantity change, and the change,
 * which needs the engineer's claimed request for the subscription or an {@code overrideReason}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/support/tenants/{tenantId}/subscriptions/{id}/license-removal")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class AssistedLicenseApi {

  private final AssistedLicenseRemoval removals;

  AssistedLicenseApi(AssistedLicenseRemoval removals) {
    this.removals = removals;
  }

  /** What the removal does: {@code credit} returned on {@code creditedOn}, or nothing until {@code effectiveOn}. */
  record RemovalView(String subscriptionId, int quantityBefore, int quantityAfter, int assignedLicenses,
      QuantityChangeWhen when, LocalDate effectiveOn, MoneyView credit, @Nullable LocalDate creditedOn) {

    static RemovalView of(QuantityChangePreview p) {
      if (!p.allowed()) {
        throw QuantityChangeService.rejection(p);
      }
      return new RemovalView(p.subscription().toString(), p.quantityBefore(), p.quantityAfter(), p.assigned(),
          p.when(), p.effectiveOn(), MoneyView.of(p.amount()), p.chargedOn());
    }
  }

  @GetMapping
  @Operation(summary = "What reducing the subscription to `quantity` licenses would do (credit, when), or why not "
      + "(the organisation's own refusals, e.g. 409 LICENSES_IN_USE; 422 NOT_A_REMOVAL for no fewer licenses).")
  RemovalView preview(@PathVariable UUID tenantId, @PathVariable UUID id,
      @RequestParam @Min(1) @Max(Limits.MAX_QUANTITY) int quantity) {
    return RemovalView.of(removals.preview(new TenantId(tenantId), new SubscriptionId(id), quantity));
  }

  @PostMapping
  @Operation(summary = "Reduces the quantity as previewed, with a mandatory note. 403 NO_CLAIMED_REQUEST unless the "
      + "engineer claimed the subscription's open callback request or gives an overrideReason (audited as an "
      + "override).")
  RemovalView remove(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody Removal body, Principal me) {
    return RemovalView.of(removals.remove(new TenantId(tenantId), new SubscriptionId(id), me.getName(), body));
  }
}
