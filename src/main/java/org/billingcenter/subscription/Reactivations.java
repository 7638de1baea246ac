package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ReactivationPreview.NextSteps;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactivation as the pages and the API show it: the preview of what {@link
 * SubscriptionService#reactivate} will do today, and the reactivation itself with a payment method
 * on file or a new card saved in the same transaction (no card is kept when the reactivation is
 * refused).
 */
@Service
public class Reactivations {

  private final SubscriptionService subscriptions;
  private final ReactivationRepository repository;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final LifecycleSettings lifecycle;

  Reactivations(SubscriptionService subscriptions, ReactivationRepository repository, CatalogService catalog,
      TenantService tenants, LifecycleSettings lifecycle) {
    this.subscriptions = subscriptions;
    this.repository = repository;
    this.catalog = catalog;
    this.tenants = tenants;
    this.lifecycle = lifecycle;
  }

  /** The preview, or ILLEGAL_TRANSITION for a subscription that is not EXPIRED or DISABLED. */
  @Transactional(readOnly = true)
  public ReactivationPreview preview(TenantId tenant, SubscriptionId id) {
    SubscriptionSummary row = subscriptions.get(tenant, id);
    Subscription s = row.subscription();
    if (LifecycleEvent.REACTIVATED.applyTo(s.status()).isEmpty()) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, s.status());
    }
    Plan plan = catalog.plan(s.planId());
    // The same first period and charge as reactivate() and the billing of its SubscriptionStarted.
    BillingPeriod first = BillingPeriod.nth(tenants.today(tenant), 0, plan.billingFrequency());
    Instant changed = repository.statusChangedAt(tenant, id).orElseThrow();
    NextSteps next = NextSteps.of(s.status(), LocalDate.ofInstant(changed, ZoneOffset.UTC), lifecycle);
    return new ReactivationPreview(
        id,
        s.status(),
        LocalDate.ofInstant(changed, tenants.get(tenant).timeZone()),
        s.quantity(),
        plan.unitPrice(),
        plan.unitPrice().times(s.quantity()),
        first,
        first.start(),
        row.assignedLicenses(),
        next.disabledOn(),
        next.deletedOn());
  }

  /** Reactivates paid with a payment method on file; returns what was previewed and done. */
  @Transactional
  public ReactivationPreview reactivate(TenantId tenant, SubscriptionId id, PaymentMethodId method, String actor) {
    ReactivationPreview preview = preview(tenant, id);
    subscriptions.reactivate(tenant, id, method, actor);
    return preview;
  }

  /** Saves the new card and reactivates paid with it, all or nothing. */
  @Transactional
  public ReactivationPreview reactivate(TenantId tenant, SubscriptionId id, NewPaymentMethod card, String actor) {
    preview(tenant, id); // refused before the card is saved: the clearer reason
    return reactivate(tenant, id, tenants.addPaymentMethod(tenant, card, actor).id(), actor);
  }
}
