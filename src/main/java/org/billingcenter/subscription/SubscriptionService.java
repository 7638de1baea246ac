package org.billingcenter.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts trials, sells subscriptions and reads them, always inside one tenant. */
@Service
public class SubscriptionService {

  static final int MAX_QUANTITY = 100_000;

  private final SubscriptionRepository subscriptions;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      CatalogService catalog,
      TenantService tenants,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** A trial of the plan's trial length and seats; with a payment method it will convert. */
  @Transactional
  public Subscription startTrial(
      TenantId tenant, String planId, PaymentMethodId paymentMethod, String actor) {
    Plan plan = sellable(tenant, planId, paymentMethod);
    if (subscriptions.hasTrialOf(tenant, planId)) {
      throw new Rejected(SubscriptionReason.TRIAL_ALREADY_RUNNING, planId);
    }
    LocalDate today = tenants.today(tenant);
    return start(
        new Subscription(
            tenant,
            SubscriptionId.random(),
            planId,
            plan.trialLicenses(),
            SubscriptionStatus.TRIAL,
            true,
            null,
            null,
            today.plusDays(plan.trialDays()),
            paymentMethod,
            clock.instant(),
            null),
        actor);
  }

  /** A paid subscription whose first period starts today, the anniversary of every later one. */
  @Transactional
  public Subscription purchase(
      TenantId tenant, String planId, int quantity, PaymentMethodId paymentMethod, String actor) {
    if (paymentMethod == null) {
      throw new Rejected(SubscriptionReason.PAYMENT_METHOD_REQUIRED);
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new Rejected(SubscriptionReason.QUANTITY_OUT_OF_RANGE, 1, MAX_QUANTITY);
    }
    Plan plan = sellable(tenant, planId, paymentMethod);
    LocalDate today = tenants.today(tenant);
    return start(
        new Subscription(
            tenant,
            SubscriptionId.random(),
            planId,
            quantity,
            SubscriptionStatus.ACTIVE,
            true,
            today,
            BillingPeriod.nth(today, 0, plan.billingFrequency()),
            null,
            paymentMethod,
            clock.instant(),
            null),
        actor);
  }

  @Transactional(readOnly = true)
  public List<SubscriptionSummary> list(TenantId tenant) {
    return subscriptions.listSummaries(tenant);
  }

  @Transactional(readOnly = true)
  public SubscriptionSummary get(TenantId tenant, SubscriptionId id) {
    return subscriptions.findSummary(tenant, id).orElseThrow(() -> notFound(id));
  }

  /**
   * Locks the subscription for the rest of the caller's transaction: whoever changes its seats or
   * status goes through here, so two such changes never interleave.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription lock(TenantId tenant, SubscriptionId id) {
    return subscriptions.findForUpdate(tenant, id).orElseThrow(() -> notFound(id));
  }

  private Plan sellable(TenantId tenant, String planId, PaymentMethodId paymentMethod) {
    Plan plan = catalog.plan(planId);
    Tenant owner = tenants.get(tenant);
    if (!plan.unitPrice().currency().equals(owner.currency())) {
      throw new Rejected(
          SubscriptionReason.CURRENCY_MISMATCH,
          plan.unitPrice().currency().getCurrencyCode(),
          owner.currency().getCurrencyCode());
    }
    if (paymentMethod != null) {
      tenants.paymentMethod(tenant, paymentMethod);
    }
    return plan;
  }

  private Subscription start(Subscription subscription, String actor) {
    subscriptions.insert(subscription);
    audit.record(
        subscription.tenant(),
        actor,
        Change.of("SUBSCRIPTION_STARTED", "subscription", subscription.id())
            .to(subscription.status() + " x" + subscription.quantity() + " " + subscription.planId()));
    events.publishEvent(
        new SubscriptionStarted(
            subscription.tenant(),
            subscription.id(),
            subscription.planId(),
            subscription.status(),
            subscription.quantity()));
    return subscription;
  }

  private static Rejected notFound(SubscriptionId id) {
    return new Rejected(SubscriptionReason.SUBSCRIPTION_NOT_FOUND, id);
  }
}
