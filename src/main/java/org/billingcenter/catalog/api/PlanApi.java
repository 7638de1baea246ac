package org.billingcenter.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.billingcenter.api.KnownCurrency;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: anyone signed in reads it; the operator adds plans. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanApi {

  private final CatalogService catalog;

  PlanApi(CatalogService catalog) {
    this.catalog = catalog;
  }

  record PlanView(
      String id,
      String productId,
      String productName,
      MoneyView unitPrice,
      BillingFrequency billingFrequency,
      BillingFrequency commitmentTerm,
      int trialDays,
      int trialLicenses,
      @Nullable Integer maxQuantity,
      int upgradeRank) {
    static PlanView of(Plan p) {
      return new PlanView(
          p.id(),
          p.productId(),
          p.productName(),
          MoneyView.of(p.unitPrice()),
          p.billingFrequency(),
          p.commitmentTerm(),
          p.trialDays(),
          p.trialLicenses(),
          p.maxQuantity(),
          p.upgradeRank());
    }
  }

  record AddPlan(
      @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9-]+") String id,
      @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9-]+") String productId,
      @NotBlank @Size(max = 200) String productName,
      @Min(0) @Max(Limits.MAX_UNIT_PRICE_MINOR) long unitPriceMinor,
      @NotBlank @Pattern(regexp = "[A-Z]{3}") @KnownCurrency String currency,
      @NotNull BillingFrequency billingFrequency,
      @NotNull BillingFrequency commitmentTerm,
      @Min(0) @Max(Limits.MAX_TRIAL_DAYS) @Nullable Integer trialDays,
      @Min(0) @Max(Limits.MAX_QUANTITY) @Nullable Integer trialLicenses,
      @Min(1) @Max(Limits.MAX_QUANTITY) @Nullable Integer maxQuantity,
      @Min(0) @Max(Plan.MAX_UPGRADE_RANK) @Nullable Integer upgradeRank) {}

  @GetMapping
  ResponseEntity<List<PlanView>> list(PageRequest page) {
    return Paged.ok(catalog.plans(page).map(PlanView::of));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('OPERATOR')")
  PlanView add(@Valid @RequestBody AddPlan body) {
    return PlanView.of(
        catalog.addPlan(
            new Plan(
                body.id(),
                body.productId(),
                body.productName(),
                Money.of(body.unitPriceMinor(), body.currency()),
                body.billingFrequency(),
                body.commitmentTerm(),
                body.trialDays() == null ? Plan.DEFAULT_TRIAL_DAYS : body.trialDays(),
                body.trialLicenses() == null ? Plan.DEFAULT_TRIAL_LICENSES : body.trialLicenses(),
                body.maxQuantity(),
                body.upgradeRank() == null ? 0 : body.upgradeRank())));
  }
}
