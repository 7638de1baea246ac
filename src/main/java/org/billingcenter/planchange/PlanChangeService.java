package org.billingcenter.planchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.PlanChanged;
import org.billingcenter.subscription.ProratedAmount;
import org.billingcenter.subscription.ProratedAmount.Direction;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Previews and carries out plan and billing-frequency changes. {@link #check} and {@link #change}
 * build the same snapshot and ask the same policy, so the preview is exactly what the change does.
 */
@Service
@Validated
public class PlanChangeService {

  /** The longest plan id the catalog accepts. */
  public static final int PLAN_ID_MAX = 60;

  private final SubscriptionService subscriptions;
  private final BillingService billing;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  PlanChangeService(SubscriptionService subscriptions, BillingService billing, CatalogService catalog,
      TenantService tenants, AuditLog audit, ApplicationEventPublisher events) {
    this.subscriptions = subscriptions;
    this.billing = billing;
    this.catalog = catalog;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
  }

  /** The plan asked for, as the API's JSON body and the pages' forms send it. */
  public record Request(@NotBlank @Size(max = PLAN_ID_MAX) String planId) {}

  @Transactional(readOnly = true)
  public PlanChangeDecision check(TenantId tenant, SubscriptionId id, PlanChanger who, String planId) {
    return decide(subscriptions.get(tenant, id).subscription(), who, planId);
  }

  /** The change to the same product's plan of the other billing frequency (always at renewal). */
  @Transactional(readOnly = true)
  public PlanChangeDecision checkFrequency(TenantId tenant, SubscriptionId id, PlanChanger who) {
    return decide(subscriptions.get(tenant, id).subscription(), who, null);
  }

  /** Changes the plan as previewed, or refuses with the policy's reason and changes nothing. */
  @Transactional
  public PlanChangeDecision change(TenantId tenant, SubscriptionId id, PlanChanger who, @Valid Request request) {
    return carryOut(subscriptions.lock(tenant, id), who, request.planId());
  }

  /** Moves to the other billing frequency at renewal, as {@link #checkFrequency} previewed. */
  @Transactional
  public PlanChangeDecision changeFrequency(TenantId tenant, SubscriptionId id, PlanChanger who) {
    return carryOut(subscriptions.lock(tenant, id), who, null);
  }

  /** Plans of a higher upgrade rank in the subscription's currency, the nearest first. */
  @Transactional(readOnly = true)
  public List<Plan> upgradesFor(TenantId tenant, SubscriptionId id) {
    return PlanChoices.upgrades(currentPlan(tenant, id), catalog.plansOnSale());
  }

  /** Every plan the subscription could move to: the upgrades first, then the others. */
  @Transactional(readOnly = true)
  public List<Plan> choicesFor(TenantId tenant, SubscriptionId id) {
    return PlanChoices.choices(currentPlan(tenant, id), catalog.plansOnSale());
  }

  private Plan currentPlan(TenantId tenant, SubscriptionId id) {
    return catalog.plan(subscriptions.get(tenant, id).subscription().planId());
  }

  private PlanChangeDecision carryOut(Subscription locked, PlanChanger who, String planId) {
    PlanChangeDecision decision = decide(locked, who, planId);
    if (!decision.allowed()) {
      throw new Rejected(decision.refusal(), decision.refusalArguments());
    }
    PlanChangePreview p = decision.preview();
    if (p.when() == PlanChangeWhen.NOW) {
      withdrawPendingPlanChanges(locked, who);
      subscriptions.changePlanNow(locked, p.toPlan(), who.username());
      List<ProratedAmount> money = List.of(
          new ProratedAmount(Direction.CREDIT, locked.currentPeriod(), p.credit(), p.creditReturnOn(), p.quantity(),
              p.newUnitPrice()),
          new ProratedAmount(Direction.CHARGE, locked.currentPeriod(), p.charge(), p.invoiceOn(), p.quantity(),
              p.newUnitPrice()));
      published(locked, who, p, UUID.randomUUID(), false, money);
    } else {
      ScheduledChange scheduled =
          subscriptions.scheduleChange(locked, ScheduledChange.Kind.PLAN, null, p.toPlan(), who.username());
      published(locked, who, p, scheduled.id(), true, List.of());
    }
    return decision;
  }

  /**
   * A plan change scheduled earlier was chosen from the plan being left: left pending, the renewal
   * would undo this change (say, back to the old product's annual plan). A newer plan change
   * replaces it, now as at renewal (scheduleChange replaces the same way); quantity changes stay.
   */
  private void withdrawPendingPlanChanges(Subscription locked, PlanChanger who) {
    subscriptions.pendingChanges(locked.tenant(), locked.id()).stream()
        .filter(c -> c.kind() == ScheduledChange.Kind.PLAN)
        .forEach(c -> subscriptions.withdrawChange(locked.tenant(), locked.id(), c.id(), who.username()));
  }

  private void published(Subscription s, PlanChanger who, PlanChangePreview p, UUID changeId, boolean scheduled,
      List<ProratedAmount> money) {
    audit.record(s.tenant(), who.username(),
        Change.of(scheduled ? "PLAN_CHANGE_SCHEDULED" : "PLAN_CHANGED_NOW", "subscription", s.id())
            .from(p.fromPlan())
            .to(p.toPlan() + " on " + p.effectiveOn()
                + (scheduled ? "" : ": credit " + p.credit() + " on " + p.creditReturnOn() + ", charge " + p.charge()
                    + " on " + p.invoiceOn())));
    events.publishEvent(new PlanChanged(s.tenant(), s.id(), changeId, p.fromPlan(), p.toPlan(), p.effectiveOn(),
        scheduled, money, who.username()));
  }

  private PlanChangeDecision decide(Subscription s, PlanChanger who, String planId) {
    List<Plan> plans = catalog.plans();
    Plan current = catalog.plan(s.planId());
    Optional<Plan> target =
        planId == null
            ? PlanChoices.otherFrequency(current, plans)
            : plans.stream().filter(p -> p.id().equals(planId)).findFirst();
    LocalDate today = tenants.today(s.tenant());
    BillingPeriod period = s.currentPeriod();
    Money billed =
        period == null
            ? current.unitPrice()
            : billing.chargeFor(s.tenant(), s.id(), period.start()).map(PeriodCharge::unitPrice).orElse(current.unitPrice());
    LocalDate nextInvoice = period == null ? null : billing.nextInvoiceDate(s.tenant(), s.id(), period, today);
    LocalDate creditReturn = period == null ? null : billing.creditReturnDate(s.tenant(), s.id(), period, today);
    int assigned = subscriptions.get(s.tenant(), s.id()).assignedLicenses();
    // A change at renewal is charged the target's price of that day, as the billing run will.
    Money renewalPrice = period == null || target.isEmpty()
        ? null
        : catalog.plan(target.get().id(), period.endExclusive()).unitPrice();
    return PlanChangePolicy.decide(new PlanChangeSnapshot(s.status(), s.autoRenew() && !s.isEnding(), who.roles(),
        current, planId, target.orElse(null), s.quantity(), assigned, period, billed, today, nextInvoice,
        creditReturn, renewalPrice));
  }
}
