package org.billingcenter.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.catalog.CatalogEntry;
import org.billingcenter.catalog.NewPrice;
import org.billingcenter.catalog.PlanStatus;
import org.billingcenter.catalog.PriceChange;
import org.billingcenter.catalog.PriceChangePreview;
import org.billingcenter.catalog.PricingService;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's catalog console: plans with their price schedules, price changes, retirement. */
@RestController
@RequestMapping("/api/v1/operator/plans")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorCatalogApi {

  private final PricingService pricing;

  OperatorCatalogApi(PricingService pricing) {
    this.pricing = pricing;
  }

  record ScheduledPriceView(LocalDate effectiveFrom, MoneyView unitPrice, LocalDate existingFrom) {
    static ScheduledPriceView of(PriceChange c) {
      return new ScheduledPriceView(c.effectiveFrom(), MoneyView.of(c.unitPrice()), c.existingFrom());
    }
  }

  record CatalogPlanView(String id, String productId, String productName, MoneyView unitPrice,
      BillingFrequency billingFrequency, BillingFrequency commitmentTerm, PlanStatus status,
      List<ScheduledPriceView> scheduledPrices) {
    static CatalogPlanView of(CatalogEntry e) {
      return new CatalogPlanView(e.plan().id(), e.plan().productId(), e.plan().productName(),
          MoneyView.of(e.plan().unitPrice()), e.plan().billingFrequency(), e.plan().commitmentTerm(),
          e.retired() ? PlanStatus.RETIRED : PlanStatus.ON_SALE, e.scheduled().stream().map(ScheduledPriceView::of).toList());
    }
  }

  record RenewalGroupView(LocalDate newPriceFrom, int subscriptions) {}

  record PriceChangeView(String planId, MoneyView currentPrice, MoneyView newPrice, LocalDate effectiveFrom,
      LocalDate existingFrom, int noticeDays, int affectedSubscriptions, List<RenewalGroupView> renewals) {
    static PriceChangeView of(PriceChangePreview p) {
      return new PriceChangeView(p.plan().id(), MoneyView.of(p.currentPrice()), MoneyView.of(p.newPrice()),
          p.effectiveFrom(), p.existingFrom(), p.noticeDays(), p.affected(),
          p.groups().stream().map(g -> new RenewalGroupView(g.on(), g.subscriptions())).toList());
    }
  }

  @GetMapping
  @Operation(summary = "Plans with today's price, status (ON_SALE or RETIRED) and scheduled price changes (paged); "
      + "with q, those whose product name or plan id contains it (any case).")
  ResponseEntity<List<CatalogPlanView>> list(
      @Parameter(description = "Text to find in product names and plan ids; % and _ are plain characters.")
          @RequestParam(required = false) @Size(max = PricingService.MAX_QUERY) String q,
      PageRequest page) {
    return Paged.ok(pricing.entries(q, page).map(CatalogPlanView::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One plan as the catalog console shows it. 404 PLAN_NOT_FOUND.")
  CatalogPlanView get(@PathVariable String id) {
    return CatalogPlanView.of(pricing.entry(id));
  }

  @GetMapping("/{id}/prices/preview")
  @Operation(summary = "What POST .../prices with the same values would do: purchases pay the new price from "
      + "effectiveFrom, active subscriptions from their first renewal on or after existingFrom (effective date or "
      + "end of the notice period), counted per renewal date. 422 PRICE_CHANGE_TOO_SOON, PRICE_CHANGE_TOO_FAR (over 5 years ahead), "
      + "PRICE_OUT_OF_RANGE; "
      + "409 PRICE_CHANGE_EXISTS; 404 PLAN_NOT_FOUND.")
  PriceChangeView preview(@PathVariable String id,
      // Not required for Spring but @NotNull: a missing one is a 422 VALIDATION_FAILED like a bad one.
      @RequestParam(required = false) @NotNull @Min(0) @Max(Limits.MAX_UNIT_PRICE_MINOR) Long unitPriceMinor,
      @RequestParam(required = false) @NotNull LocalDate effectiveFrom) {
    return PriceChangeView.of(pricing.preview(id, unitPriceMinor, effectiveFrom));
  }

  @PostMapping("/{id}/prices")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Announces a price change (Idempotency-Key honoured); the answer is its preview. Charges "
      + "already made never move. Same refusals as the preview.")
  PriceChangeView changePrice(@PathVariable String id, @Valid @RequestBody NewPrice body, Principal me) {
    return PriceChangeView.of(pricing.changePrice(id, body.unitPriceMinor(), body.effectiveFrom(), me.getName()));
  }

  @PostMapping("/{id}/retirement")
  @Operation(summary = "Retires a plan: no new purchases or plan changes into it (409 PLAN_RETIRED); its "
      + "subscriptions keep renewing at their price. 409 PLAN_ALREADY_RETIRED.")
  CatalogPlanView retire(@PathVariable String id, Principal me) {
    return CatalogPlanView.of(pricing.retire(id, me.getName()));
  }

  @DeleteMapping("/{id}/retirement")
  @Operation(summary = "Puts a retired plan on sale again. 409 PLAN_NOT_RETIRED.")
  CatalogPlanView unretire(@PathVariable String id, Principal me) {
    return CatalogPlanView.of(pricing.unretire(id, me.getName()));
  }
}
