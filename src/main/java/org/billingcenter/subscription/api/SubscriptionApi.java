package org.billingcenter.subscription.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.SubscriptionSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in organisation's subscriptions: list, read, start a trial, buy. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionApi {

  private final SubscriptionService subscriptions;

  SubscriptionApi(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  /**
   * Periods are tenant-local dates; {@code currentPeriodEnd} is exclusive (the next charge day).
   * {@code endsOn} is set when the subscription was cancelled at term end.
   */
  record SubscriptionView(
      String id,
      String planId,
      String productName,
      SubscriptionStatus status,
      int quantity,
      int assignedLicenses,
      boolean autoRenew,
      @Nullable LocalDate currentPeriodStart,
      @Nullable LocalDate currentPeriodEnd,
      @Nullable LocalDate trialEnd,
      @Nullable LocalDate endsOn,
      @Nullable String paymentMethodId) {

    static SubscriptionView of(SubscriptionSummary summary) {
      Subscription s = summary.subscription();
      return new SubscriptionView(
          s.id().toString(),
          s.planId(),
          summary.productName(),
          s.status(),
          s.quantity(),
          summary.assignedLicenses(),
          s.autoRenew(),
          s.currentPeriod() == null ? null : s.currentPeriod().start(),
          s.currentPeriod() == null ? null : s.currentPeriod().endExclusive(),
          s.trialEnd(),
          s.scheduledCancelOn(),
          s.paymentMethod() == null ? null : s.paymentMethod().toString());
    }
  }

  record StartTrial(@NotBlank String planId, @Nullable UUID paymentMethodId) {}

  record Purchase(
      @NotBlank String planId, @Min(1) @Max(Limits.MAX_QUANTITY) int quantity, @NotNull UUID paymentMethodId) {}

  @GetMapping
  ResponseEntity<List<SubscriptionView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(subscriptions.list(tenant, page).map(SubscriptionView::of));
  }

  @GetMapping("/{id}")
  SubscriptionView get(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return SubscriptionView.of(subscriptions.get(tenant, new SubscriptionId(id)));
  }

  record AutoRenew(@NotNull Boolean autoRenew) {}

  record Reactivate(@NotNull UUID paymentMethodId) {}

  @PutMapping("/{id}/auto-renew")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView autoRenew(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody AutoRenew body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    subscriptions.setAutoRenew(tenant, subscription, body.autoRenew(), me.getName());
    return SubscriptionView.of(subscriptions.get(tenant, subscription));
  }

  @PostMapping("/{id}/reactivation")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView reactivate(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody Reactivate body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    subscriptions.reactivate(tenant, subscription, new PaymentMethodId(body.paymentMethodId()), me.getName());
    return SubscriptionView.of(subscriptions.get(tenant, subscription));
  }

  @PostMapping("/trials")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView startTrial(
      @CurrentTenant TenantId tenant, @Valid @RequestBody StartTrial body, Principal me) {
    Subscription started =
        subscriptions.startTrial(
            tenant,
            body.planId(),
            body.paymentMethodId() == null ? null : new PaymentMethodId(body.paymentMethodId()),
            me.getName());
    return SubscriptionView.of(subscriptions.get(tenant, started.id()));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView purchase(
      @CurrentTenant TenantId tenant, @Valid @RequestBody Purchase body, Principal me) {
    Subscription bought =
        subscriptions.purchase(
            tenant,
            body.planId(),
            body.quantity(),
            new PaymentMethodId(body.paymentMethodId()),
            me.getName());
    return SubscriptionView.of(subscriptions.get(tenant, bought.id()));
  }
}
