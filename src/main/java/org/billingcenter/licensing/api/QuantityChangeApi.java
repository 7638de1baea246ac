package org.billingcenter.licensing.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Problems;
import org.billingcenter.licensing.QuantityChangePreview;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.licensing.QuantityChangeService.Request;
import org.billingcenter.licensing.QuantityChangeWhen;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buying and removing licenses. {@code GET ?quantity=N[&when=NOW|AT_RENEWAL]} previews the change
 * to N licenses; {@code POST} carries it out and answers the same preview. A refusal is a
 * problem+json with its {@code code} (LICENSES_IN_USE with {@code licensesToUnassign},
 * ABOVE_MAXIMUM with {@code maximum}, TRIAL, ENDED, NOT_PERMITTED, NO_CHANGE, RENEWAL_OFF,
 * REDUCTION_ONLY_AT_RENEWAL, QUANTITY_OUT_OF_RANGE). Without {@code when}, buying happens now and
 * removing now when within the reduction window, else at the renewal.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/quantity-change")
class QuantityChangeApi {

  private final QuantityChangeService quantities;
  private final Problems problems;

  QuantityChangeApi(QuantityChangeService quantities, Problems problems) {
    this.quantities = quantities;
    this.problems = problems;
  }

  /**
   * A quantity change: {@code amount} is charged ({@code direction} CHARGE) or credited (CREDIT) on
   * the organisation's invoice of {@code chargedOn}; NONE when the change waits for the renewal
   * ({@code effectiveOn}) or costs nothing. {@code unitPrice} is the price billed for the current
   * period.
   */
  record QuantityChangeView(
      String subscriptionId,
      int quantityBefore,
      int quantityAfter,
      int assignedLicenses,
      QuantityChangeWhen when,
      LocalDate effectiveOn,
      QuantityChangePreview.Direction direction,
      MoneyView amount,
      @Nullable LocalDate chargedOn,
      MoneyView unitPrice,
      @Nullable Integer maximum,
      String message) {}

  /** A refusal of the change previewed is a 403, 409 or 422 problem, as the POST would answer. */
  @GetMapping
  @ApiResponse(responseCode = "200", description = "The change is allowed: what it would do.")
  @ApiResponse(
      responseCode = "409",
      description = "The subscription's state refuses the change: LICENSES_IN_USE (with licensesToUnassign),"
          + " TRIAL, ENDED, RENEWAL_OFF, REDUCTION_ONLY_AT_RENEWAL.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  QuantityChangeView preview(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Parameter(description = "The new total of licenses, 1 to 100000 (missing: QUANTITY_OUT_OF_RANGE).")
          @RequestParam(required = false) @Nullable Integer quantity,
      @RequestParam(required = false) @Nullable QuantityChangeWhen when,
      @AuthenticationPrincipal SignedInAccount me) {
    // The subscription is looked up first (404 in another organisation), then the quantity refused.
    int total = quantity == null ? 0 : quantity;
    return view(quantities.preview(tenant, new SubscriptionId(id), total, when, roles(me)));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  QuantityChangeView change(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody Request body,
      @AuthenticationPrincipal SignedInAccount me) {
    return view(
        quantities.change(tenant, new SubscriptionId(id), body.quantity(), body.when(), me.getUsername(), roles(me)));
  }

  private static Set<Role> roles(SignedInAccount me) {
    return Set.copyOf(me.roles());
  }

  private QuantityChangeView view(QuantityChangePreview p) {
    if (!p.allowed()) {
      throw QuantityChangeService.rejection(p);
    }
    return new QuantityChangeView(
        p.subscription().toString(), p.quantityBefore(), p.quantityAfter(), p.assigned(), p.when(),
        p.effectiveOn(), p.direction(), MoneyView.of(p.amount()), p.chargedOn(), MoneyView.of(p.unitPrice()),
        p.maximum(), problems.text(p.message(), LocaleContextHolder.getLocale()));
  }
}
