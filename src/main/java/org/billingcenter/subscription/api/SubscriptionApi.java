package org.billingcenter.subscription.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.subscription.TrialService;
import org.billingcenter.subscription.TrialService.TrialOutlook;
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

/** The signed-in organisation's subscriptions: list, read, start a trial, buy, withdraw a scheduled change. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionApi {

  private final SubscriptionService subscriptions;
  private final TrialService trials;

  SubscriptionApi(SubscriptionService subscriptions, TrialService trials) {
    this.subscriptions = subscriptions;
    this.trials = trials;
  }

  /** A change waiting for the renewal of {@code effectiveOn}: a new quantity or a new plan. */
  record ScheduledChangeView(
      String id, ScheduledChange.Kind kind, @Nullable Integer quantity, @Nullable String planId, LocalDate effectiveOn,
      ScheduledChange.Status status) {

    static ScheduledChangeView of(ScheduledChange c) {
      return new ScheduledChangeView(c.id().toString(), c.kind(), c.quantity(), c.planId(), c.effectiveOn(), c.status());
    }
  }

  /**
   * Periods are tenant-local dates; {@code currentPeriodEnd} is exclusive (the next charge day).
   * {@code endsOn} is set when the subscription was cancelled at term end. {@code assigned} (also
   * {@code assignedLicenses}, kept for older clients) is how many of the {@code quantity} licenses
   * are assigned; {@code scheduledChanges} are the PENDING changes, withdrawable until they apply.
   * {@code conversion} (trials only, else null) says what the trial's end will do.
   */
  record SubscriptionView(
      String id,
      String planId,
      String productName,
      SubscriptionStatus status,
      int quantity,
      int assigned,
      int assignedLicenses,
      boolean autoRenew,
      @Nullable LocalDate currentPeriodStart,
      @Nullable LocalDate currentPeriodEnd,
      @Nullable LocalDate trialEnd,
      @Nullable LocalDate endsOn,
      @Nullable String paymentMethodId,
      List<ScheduledChangeView> scheduledChanges,
      @Nullable ConversionView conversion) {

    /** The subscription as it now is, with its pending changes and (a trial) its conversion. */
    static SubscriptionView read(SubscriptionService subscriptions, TrialService trials, TenantId tenant,
        SubscriptionId id) {
      SubscriptionSummary summary = subscriptions.get(tenant, id);
      return of(summary, subscriptions.pendingChanges(tenant, id), trials.outlook(tenant, summary));
    }

    static SubscriptionView of(SubscriptionSummary summary, List<ScheduledChange> pending, @Nullable TrialOutlook trial) {
      Subscription s = summary.subscription();
      return new SubscriptionView(
          s.id().toString(),
          s.planId(),
          summary.productName(),
          s.status(),
          s.quantity(),
          summary.assignedLicenses(),
          summary.assignedLicenses(),
          s.autoRenew(),
          s.currentPeriod() == null ? null : s.currentPeriod().start(),
          s.currentPeriod() == null ? null : s.currentPeriod().endExclusive(),
          s.trialEnd(),
          s.scheduledCancelOn(),
          s.paymentMethod() == null ? null : s.paymentMethod().toString(),
          pending.stream().map(ScheduledChangeView::of).toList(),
          trial == null ? null : ConversionView.of(trial.conversion()));
    }
  }

  record StartTrial(@NotBlank String planId, @Nullable UUID paymentMethodId) {}

  record Purchase(
      @NotBlank String planId, @Min(1) @Max(Limits.MAX_QUANTITY) int quantity, @NotNull UUID paymentMethodId) {}

  @GetMapping
  ResponseEntity<List<SubscriptionView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    Page<SubscriptionSummary> summaries = subscriptions.list(tenant, page);
    Map<SubscriptionId, List<ScheduledChange>> pending = subscriptions.pendingChanges(
        tenant, summaries.items().stream().map(s -> s.subscription().id()).toList());
    Map<SubscriptionId, TrialOutlook> outlooks = trials.outlooks(tenant, summaries.items());
    return Paged.ok(summaries.map(s -> SubscriptionView.of(
        s, pending.getOrDefault(s.subscription().id(), List.of()), outlooks.get(s.subscription().id()))));
  }

  @GetMapping("/{id}")
  SubscriptionView get(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return view(tenant, new SubscriptionId(id));
  }

  /**
   * Withdraws a PENDING scheduled change: it will not apply at the renewal. 404 for a change this
   * subscription does not have, 409 when it is no longer PENDING.
   */
  @PostMapping("/{id}/scheduled-changes/{changeId}/withdraw")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  ScheduledChangeView withdraw(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @PathVariable UUID changeId, Principal me) {
    return ScheduledChangeView.of(subscriptions.withdrawChange(tenant, new SubscriptionId(id), changeId, me.getName()));
  }

  private SubscriptionView view(TenantId tenant, SubscriptionId id) {
    return SubscriptionView.read(subscriptions, trials, tenant, id);
  }

  record AutoRenew(@NotNull Boolean autoRenew) {}

  record Reactivate(@NotNull UUID paymentMethodId) {}

  @PutMapping("/{id}/auto-renew")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView autoRenew(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody AutoRenew body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    subscriptions.setAutoRenew(tenant, subscription, body.autoRenew(), me.getName());
    return view(tenant, subscription);
  }

  @PostMapping("/{id}/reactivation")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView reactivate(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody Reactivate body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    subscriptions.reactivate(tenant, subscription, new PaymentMethodId(body.paymentMethodId()), me.getName());
    return view(tenant, subscription);
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
    return view(tenant, started.id());
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
    return view(tenant, bought.id());
  }
}
