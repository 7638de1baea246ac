package org.billingcenter.subscription.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ReactivationPreview;
import org.billingcenter.subscription.Reactivations;
import org.billingcenter.subscription.SubscriptionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preview of a reactivation, the same the pages show before their confirmation; {@code POST}
 * on the same path (in {@link SubscriptionApi}) reactivates.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/reactivation")
class ReactivationApi {

  private final Reactivations reactivations;

  ReactivationApi(Reactivations reactivations) {
    this.reactivations = reactivations;
  }

  /** Dates are the tenant's; {@code firstPeriodEnd} is exclusive: the first renewal. */
  record ReactivationView(
      String subscriptionId,
      @Schema(description = "EXPIRED or DISABLED: what is reactivated.") SubscriptionStatus status,
      @Schema(description = "The day it reached that status.") LocalDate since,
      int quantity,
      MoneyView unitPrice,
      @Schema(description = "Charged on invoicedOn for the whole first period: quantity × unit price.")
          MoneyView firstCharge,
      LocalDate firstPeriodStart,
      LocalDate firstPeriodEnd,
      LocalDate invoicedOn,
      @Schema(description = "Licenses still assigned: their users get access back at once.") int assignedLicenses,
      @Schema(description = "Without reactivation, when an EXPIRED one becomes DISABLED.") @Nullable LocalDate disabledOn,
      @Schema(description = "Without reactivation, when its data is deleted.") LocalDate deletedOn) {

    static ReactivationView of(ReactivationPreview p) {
      return new ReactivationView(p.subscription().toString(), p.status(), p.since(), p.quantity(),
          MoneyView.of(p.unitPrice()), MoneyView.of(p.firstCharge()), p.firstPeriod().start(),
          p.firstPeriod().endExclusive(), p.invoicedOn(), p.assignedLicenses(), p.disabledOn(), p.deletedOn());
    }
  }

  @GetMapping
  @Operation(summary = "What reactivating would charge and change today.")
  @ApiResponse(responseCode = "200", description = "The preview.",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReactivationView.class)))
  @ApiResponse(responseCode = "409", description = "ILLEGAL_TRANSITION: it is not EXPIRED or DISABLED.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  ReactivationView preview(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return ReactivationView.of(reactivations.preview(tenant, new SubscriptionId(id)));
  }
}
