package org.billingcenter.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts trials, sells subscriptions and reads them, always inside one tenant. */
@Service
public class SubscriptionService {

  static final int MAX_QUANTITY = Limits.MAX_QUANTITY;

  private final SubscriptionRepository subscriptions;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ScheduledChanges changes;
  private final Outbox outbox;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      CatalogService catalog,
      TenantService tenants,
      AuditLog audit,
      ApplicationEventPublisher events,
      ScheduledChanges changes,
      Outbox outbox,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.changes = changes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A trial of the plan's trial length and seats; with a payment method it will convert. */
  @Transactional
  public Subscription startTrial(
      TenantId tenant, String planId, PaymentMethodId paymentMethod, String actor) {
    catalog.requireOnSale(planId);
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
            null,
            null),
        plan,
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
    catalog.requireOnSale(planId);
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
            null,
            null),
        plan,
        actor);
  }

  /**
   * Every subscription of the tenant, for rules that weigh them all (the help panel's guidance) and
   * the Users page's chooser; lists shown to people use the paged one.
   */
  @Transactional(readOnly = true)
  public List<SubscriptionSummary> list(TenantId tenant) {
    return subscriptions.listSummaries(tenant);
  }

  /**
   * A page that is not full and not empty is the end of the list, so its rows tell the total and the
   * count is not read (most organisations' products fit one page: a query less per products page).
   */
  @Transactional(readOnly = true)
  public Page<SubscriptionSummary> list(TenantId tenant, PageRequest page) {
    List<SubscriptionSummary> rows = subscriptions.listSummaries(tenant, page);
    long total = !rows.isEmpty() && rows.size() < page.size() ? page.offset() + rows.size() : subscriptions.count(tenant);
    return new Page<>(rows, page, total);
  }

  @Transactional(readOnly = true)
  public SubscriptionSummary get(TenantId tenant, SubscriptionId id) {
    return subscriptions.findSummary(tenant, id).orElseThrow(() -> notFound(id));
  }

  /** The tenant's next invoice date from its other subscriptions' renewals, if any renew. */
  @Transactional(readOnly = true)
  public java.util.Optional<LocalDate> nextRenewalOfOthers(
      TenantId tenant, SubscriptionId excluding, LocalDate today) {
    return subscriptions.nextRenewal(tenant, excluding, today);
  }

  /**
   * Locks the subscription for the rest of the caller's transaction: whoever changes its seats or
   * status goes through here, so two such changes never interleave.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription lock(TenantId tenant, SubscriptionId id) {
    return subscriptions.findForUpdate(tenant, id).orElseThrow(() -> notFound(id));
  }

  /**
   * Ends the subscription now (ACTIVE → DISABLED): the caller holds its lock and publishes what
   * follows from it. Returns the subscription as it now is.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription endNow(Subscription locked, String actor, String why) {
    SubscriptionStatus next =
        LifecycleEvent.CANCELLED
            .applyTo(locked.status())
            .orElseThrow(() -> new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status()));
    Subscription ended = locked.withStatus(next, clock.instant());
    subscriptions.update(ended, clock.instant());
    changes.voidPending(locked, actor);
    audit.record(
        locked.tenant(),
        actor,
        Change.of("SUBSCRIPTION_CANCELLED", "subscription", locked.id())
            .from(locked.status())
            .to(next)
            .because(why));
    return ended;
  }

  /** Cancels at term end: renewal off, shown as ending on {@code endsOn}, undoable until then. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription scheduleEnd(Subscription locked, LocalDate endsOn, String actor, String why) {
    Subscription ending = locked.withSchedule(endsOn);
    subscriptions.update(ending, clock.instant());
    changes.voidPending(locked, actor);
    audit.record(
        locked.tenant(),
        actor,
        Change.of("SUBSCRIPTION_ENDING_SCHEDULED", "subscription", locked.id())
            .from("renews")
            .to("ends on " + endsOn)
            .because(why));
    return ending;
  }

  /**
   * Puts a payment method on a trial or active subscription: a trial with one converts to paid at
   * its end instead of expiring.
   */
  @Transactional
  public Subscription attachPaymentMethod(TenantId tenant, SubscriptionId id, PaymentMethodId paymentMethod, String actor) {
    Subscription locked = lock(tenant, id);
    if (!locked.status().isLive()) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    tenants.usablePaymentMethod(tenant, paymentMethod); // issue 18: never a removed card
    Subscription changed = locked.withPaymentMethod(paymentMethod);
    subscriptions.update(changed, clock.instant());
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_ATTACHED", "subscription", id).to(paymentMethod));
    return changed;
  }

  /**
   * A new payment method for this subscription, all or nothing: when the subscription does not
   * exist (or is over), the method is not saved either.
   */
  @Transactional
  public Subscription addPaymentMethod(TenantId tenant, SubscriptionId id, NewPaymentMethod method, String actor) {
    Subscription locked = lock(tenant, id);
    if (!locked.status().isLive()) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    return attachPaymentMethod(tenant, id, tenants.addPaymentMethod(tenant, method, actor).id(), actor);
  }

  /**
   * Recurring billing on or off; off means EXPIRED at term end instead of a renewal. On a trial it
   * is the conversion switch: off, the trial expires at its end whatever payment method is on file.
   */
  @Transactional
  public Subscription setAutoRenew(TenantId tenant, SubscriptionId id, boolean autoRenew, String actor) {
    Subscription locked = lock(tenant, id);
    if (!locked.status().isLive()) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    if (locked.isEnding()) {
      throw new Rejected(SubscriptionReason.ENDING_AT_TERM);
    }
    Subscription changed = locked.withAutoRenew(autoRenew);
    subscriptions.update(changed, clock.instant());
    if (!autoRenew) {
      changes.voidPending(locked, actor);
    }
    audit.record(tenant, actor,
        Change.of("AUTO_RENEW_CHANGED", "subscription", id).from(locked.autoRenew()).to(autoRenew));
    updated(locked, "autoRenew", locked.autoRenew(), autoRenew, actor);
    return changed;
  }

  /**
   * An EXPIRED or DISABLED subscription comes back with a payment method: ACTIVE again, a new
   * anchor today, its first period charged now like a purchase. A new activation: its periods are
   * its own even when the first starts the day a cancelled one did (the credit stays as it was).
   */
  @Transactional
  public Subscription reactivate(TenantId tenant, SubscriptionId id, PaymentMethodId paymentMethod, String actor) {
    if (paymentMethod == null) {
      throw new Rejected(SubscriptionReason.PAYMENT_METHOD_REQUIRED);
    }
    Subscription locked = lock(tenant, id);
    SubscriptionStatus next =
        LifecycleEvent.REACTIVATED.applyTo(locked.status())
            .orElseThrow(() -> new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status()));
    Plan plan = sellable(tenant, locked.planId(), paymentMethod);
    LocalDate today = tenants.today(tenant);
    Subscription active =
        locked.restarted(next, BillingPeriod.nth(today, 0, plan.billingFrequency()), paymentMethod);
    subscriptions.beginActivation(tenant, id);
    subscriptions.update(active, clock.instant());
    audit.record(tenant, actor,
        Change.of("SUBSCRIPTION_REACTIVATED", "subscription", id).from(locked.status()).to(next));
    outbox.append(tenant, EventType.SUBSCRIPTION_REACTIVATED, id, EventData.of("subscriptionId", id)
        .with("quantity", active.quantity())
        .with("currentPeriodEnd", active.currentPeriod().endExclusive())
        .with("actor", actor).asMap());
    events.publishEvent(new SubscriptionStarted(tenant, id, active.planId(), next, active.quantity(),
        active.currentPeriod(), plan.unitPrice()));
    return active;
  }

  /** Takes back a term-end cancellation, until the day before it ends: renewal on again. */
  @Transactional
  public Subscription undoScheduledEnd(TenantId tenant, SubscriptionId id, String actor) {
    Subscription locked = lock(tenant, id);
    ScheduledEnd.refusalToUndo(locked.status(), locked.scheduledCancelOn(), tenants.today(tenant))
        .ifPresent(reason -> {
          throw reason == SubscriptionReason.UNDO_TOO_LATE
              ? new Rejected(reason, locked.scheduledCancelOn()) : new Rejected(reason);
        });
    Subscription renewing = locked.withSchedule(null);
    subscriptions.update(renewing, clock.instant());
    audit.record(
        tenant,
        actor,
        Change.of("SUBSCRIPTION_ENDING_UNDONE", "subscription", id)
            .from("ends on " + locked.scheduledCancelOn())
            .to("renews"));
    // Not subscription.reactivated: access never ended; the scheduled end is taken back (EVENTS.md).
    updated(locked, "cancellation", locked.scheduledCancelOn(), null, actor);
    events.publishEvent(new SubscriptionEndingUndone(tenant, id, clock.instant(), actor));
    return renewing;
  }

  /**
   * Schedules a change for the renewal that ends the current period ({@code effectiveOn} = its
   * exclusive end); a PENDING change of the same kind is replaced (WITHDRAWN). The caller holds the
   * lock and has decided the change is allowed; here only what never makes sense is refused (not
   * ACTIVE, ending at term, recurring billing off).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ScheduledChange scheduleChange(
      Subscription locked, ScheduledChange.Kind kind, Integer quantity, String planId, String actor) {
    if (kind == ScheduledChange.Kind.PLAN && planId != null) {
      catalog.requireOnSale(planId);
      sellable(locked.tenant(), planId, null);
    }
    return changes.schedule(locked, kind, quantity, planId, actor);
  }

  /** PENDING → WITHDRAWN; an unknown change is not found, any other status is a conflict. */
  @Transactional
  public ScheduledChange withdrawChange(TenantId tenant, SubscriptionId id, UUID changeId, String actor) {
    return changes.withdraw(lock(tenant, id), changeId, actor);
  }

  @Transactional(readOnly = true)
  public List<ScheduledChange> pendingChanges(TenantId tenant, SubscriptionId id) {
    return changes.pending(tenant, id);
  }

  /** The PENDING changes of several subscriptions (a page of a list), in one query. */
  @Transactional(readOnly = true)
  public Map<SubscriptionId, List<ScheduledChange>> pendingChanges(TenantId tenant, List<SubscriptionId> ids) {
    return changes.pending(tenant, ids).stream()
        .collect(Collectors.groupingBy(ScheduledChange::subscription, LinkedHashMap::new, Collectors.toList()));
  }

  /** The quantity changes now; the caller decided it may and books the money (QuantityChanged). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription changeQuantityNow(Subscription locked, int quantity, String actor) {
    if (!locked.status().isLive()) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new Rejected(SubscriptionReason.QUANTITY_OUT_OF_RANGE, 1, MAX_QUANTITY);
    }
    Subscription changed = locked.withQuantity(quantity);
    subscriptions.update(changed, clock.instant());
    audit.record(locked.tenant(), actor,
        Change.of("QUANTITY_CHANGED", "subscription", locked.id()).from(locked.quantity()).to(quantity));
    updated(locked, "quantity", locked.quantity(), quantity, actor);
    return changed;
  }

  /**
   * The plan changes now and the current period keeps its dates. A plan of another billing
   * frequency counts its periods from the current period's end (the new anchor): the period under
   * way is not cut short, and the next one has the new plan's length.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subscription changePlanNow(Subscription locked, String planId, String actor) {
    if (locked.status() != SubscriptionStatus.ACTIVE || locked.currentPeriod() == null) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    Plan from = catalog.plan(locked.planId());
    catalog.requireOnSale(planId);
    Plan to = sellable(locked.tenant(), planId, null);
    LocalDate anchor =
        from.billingFrequency() == to.billingFrequency() ? locked.anchorDate() : locked.currentPeriod().endExclusive();
    Subscription changed = locked.withPlan(planId, anchor);
    subscriptions.update(changed, clock.instant());
    subscriptions.pricedOn(locked.tenant(), locked.id(), tenants.today(locked.tenant()));
    audit.record(locked.tenant(), actor,
        Change.of("PLAN_CHANGED", "subscription", locked.id()).from(locked.planId()).to(planId));
    updated(locked, "plan", locked.planId(), planId, actor);
    return changed;
  }

  /** subscription.updated for a change made now, effective today in the organisation's calendar. */
  private void updated(Subscription locked, String field, Object from, Object to, String actor) {
    outbox.append(locked.tenant(), EventType.SUBSCRIPTION_UPDATED, locked.id(),
        EventData.of("subscriptionId", locked.id())
            .with("field", field)
            .withNullable("from", from)
            .withNullable("to", to)
            .with("effectiveOn", tenants.today(locked.tenant()))
            .with("actor", actor).asMap());
  }

  /** The plan at the list price in force on the organisation's today (a purchase's first day). */
  private Plan sellable(TenantId tenant, String planId, PaymentMethodId paymentMethod) {
    Plan plan = catalog.plan(planId, tenants.today(tenant));
    java.util.Currency billedIn = tenants.currencyOf(tenant); // Issue 15: read once per organisation and node
    if (!plan.unitPrice().currency().equals(billedIn)) {
      throw new Rejected(
          SubscriptionReason.CURRENCY_MISMATCH,
          plan.unitPrice().currency().getCurrencyCode(),
          billedIn.getCurrencyCode());
    }
    if (paymentMethod != null) {
      tenants.usablePaymentMethod(tenant, paymentMethod); // issue 18: never a removed card
    }
    return plan;
  }

  private Subscription start(Subscription subscription, Plan plan, String actor) {
    subscriptions.insert(subscription);
    audit.record(
        subscription.tenant(),
        actor,
        Change.of("SUBSCRIPTION_STARTED", "subscription", subscription.id())
            .to(subscription.status() + " x" + subscription.quantity() + " " + subscription.planId()));
    outbox.append(subscription.tenant(), EventType.SUBSCRIPTION_CREATED, subscription.id(),
        EventData.of("subscriptionId", subscription.id())
            .with("planId", subscription.planId())
            .with("status", subscription.status())
            .with("quantity", subscription.quantity())
            .with("trialEnd", subscription.trialEnd())
            .with("currentPeriodEnd", subscription.currentPeriod() == null ? null : subscription.currentPeriod().endExclusive())
            .with("actor", actor).asMap());
    events.publishEvent(
        new SubscriptionStarted(
            subscription.tenant(),
            subscription.id(),
            subscription.planId(),
            subscription.status(),
            subscription.quantity(),
            subscription.currentPeriod(),
            plan.unitPrice()));
    return subscription;
  }

  private static Rejected notFound(SubscriptionId id) {
    return new Rejected(SubscriptionReason.SUBSCRIPTION_NOT_FOUND, id);
  }
}
