package org.billingcenter.subscription.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.TrialService;
import org.billingcenter.subscription.TrialService.BuyNow;
import org.billingcenter.subscription.api.SubscriptionApi.SubscriptionView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trial the customer controls: the licenses it converts with, its one extension, and buying it
 * now. Turning the conversion off is {@code PUT /api/v1/subscriptions/{id}/auto-renew}.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}")
class TrialApi {

  private final SubscriptionService subscriptions;
  private final TrialService trials;

  TrialApi(SubscriptionService subscriptions, TrialService trials) {
    this.subscriptions = subscriptions;
    this.trials = trials;
  }

  /** {@code quantity} null: convert with the licenses assigned at the trial's end (at least one). */
  record ConversionQuantity(@Nullable @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity) {}

  /** Buy now: {@code paymentMethodId} null means the trial's own payment method. */
  record BuyNowRequest(
      @Min(1) @Max(Limits.MAX_QUANTITY) int quantity, @Nullable UUID paymentMethodId) {}

  /**
   * Buying the trial now: {@code quantity} licenses for the first period {@code periodStart} to
   * {@code periodEnd} (exclusive), charged {@code firstCharge} on the invoice of {@code invoiceDate}.
   */
  record BuyNowView(
      int quantity, MoneyView unitPrice, MoneyView firstCharge, LocalDate periodStart, LocalDate periodEnd,
      LocalDate invoiceDate, String paymentMethodId) {

    static BuyNowView of(BuyNow b) {
      return new BuyNowView(b.quantity(), MoneyView.of(b.unitPrice()), MoneyView.of(b.firstCharge()),
          b.period().start(), b.period().endExclusive(), b.invoiceDate(), b.paymentMethod().toString());
    }
  }

  /** The one extension, within the trial's last days; 409 TRIAL_EXTENSION_NOT_ALLOWED otherwise. */
  @PostMapping("/trial-extension")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView extend(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    trials.extend(tenant, subscription, me.getName());
    return SubscriptionView.read(subscriptions, trials, tenant, subscription);
  }

  @PutMapping("/conversion-quantity")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView conversionQuantity(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @RequestBody ConversionQuantity body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    trials.setConversionQuantity(tenant, subscription, body.quantity(), me.getName());
    return SubscriptionView.read(subscriptions, trials, tenant, subscription);
  }

  /** The preview of buying now; without a quantity, the number the trial would convert with. */
  @GetMapping("/conversion")
  BuyNowView previewBuyNow(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(required = false) @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity,
      @RequestParam(required = false) UUID paymentMethodId) {
    return BuyNowView.of(trials.previewBuyNow(tenant, new SubscriptionId(id), quantity, method(paymentMethodId)));
  }

  /** Buys the trial now: ACTIVE from today, the first period charged now, as the preview showed. */
  @PostMapping("/conversion")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  SubscriptionView buyNow(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @RequestBody BuyNowRequest body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    trials.buyNow(tenant, subscription, body.quantity(), method(body.paymentMethodId()), me.getName());
    return SubscriptionView.read(subscriptions, trials, tenant, subscription);
  }

  private static PaymentMethodId method(UUID id) {
    return id == null ? null : new PaymentMethodId(id);
  }
}
