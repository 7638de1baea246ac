package org.billingcenter.licensing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ProratedAmount;
import org.billingcenter.subscription.QuantityChanged;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buys and removes licenses. {@link #preview} and {@link #change} build the same snapshot and ask
 * the same policy, so what the preview shows is exactly what the change then does (and answers).
 */
@Service
public class QuantityChangeService {

  private final SubscriptionService subscriptions;
  private final LicenseAssignmentRepository assignments;
  private final QuantityChangeRepository changes;
  private final BillingService billing;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final QuantityChangeSettings settings;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  QuantityChangeService(
      SubscriptionService subscriptions,
      LicenseAssignmentRepository assignments,
      QuantityChangeRepository changes,
      BillingService billing,
      CatalogService catalog,
      TenantService tenants,
      QuantityChangeSettings settings,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.assignments = assignments;
    this.changes = changes;
    this.billing = billing;
    this.catalog = catalog;
    this.tenants = tenants;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The new quantity and when, as the API's JSON body sends it; null {@code when} lets the rules choose. */
  public record Request(
      @NotNull @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity, @Nullable QuantityChangeWhen when) {}

  /** What changing the quantity to {@code quantity} would do, or why it may not. */
  @Transactional(readOnly = true)
  public QuantityChangePreview preview(
      TenantId tenant, SubscriptionId id, int quantity, @Nullable QuantityChangeWhen when, Set<Role> roles) {
    return previewOf(subscriptions.get(tenant, id).subscription(), quantity, when, roles);
  }

  /** Changes the quantity as previewed, or refuses with the policy's code and changes nothing. */
  @Transactional
  public QuantityChangePreview change(
      TenantId tenant, SubscriptionId id, int quantity, @Nullable QuantityChangeWhen when, String actor,
      Set<Role> roles) {
    Subscription locked = subscriptions.lock(tenant, id);
    QuantityChangePreview preview = previewOf(locked, quantity, when, roles);
    if (!preview.allowed()) {
      throw rejection(preview);
    }
    UUID changeId =
        preview.when() == QuantityChangeWhen.NOW ? changeNow(locked, preview, actor) : schedule(locked, preview, actor);
    changes.insert(
        new QuantityChangeRepository.Row(tenant, changeId, locked.currentPeriod(), preview, actor, clock.instant()));
    audit.record(
        tenant,
        actor,
        Change.of(preview.quantityAfter() > preview.quantityBefore() ? "LICENSES_BOUGHT" : "LICENSES_REMOVED",
                "subscription", id)
            .from(preview.quantityBefore() + " licenses")
            .to(preview.quantityAfter() + " licenses " + preview.when() + " on " + preview.effectiveOn()
                + (preview.direction() == QuantityChangePreview.Direction.NONE
                    ? "" : ", " + preview.direction() + " " + preview.amount() + " on " + preview.chargedOn())));
    return preview;
  }

  /** The refusal as the API and pages report it, with the values a program needs as extensions. */
  public static Rejected rejection(QuantityChangePreview preview) {
    Rejected rejected = new Rejected(preview.refusal(), preview.arguments().toArray());
    if (preview.licensesToUnassign() != null) {
      rejected.with("licensesToUnassign", preview.licensesToUnassign());
    }
    if (preview.refusal() == QuantityChangeRefusal.ABOVE_MAXIMUM) {
      rejected.with("maximum", preview.maximum());
    }
    return rejected;
  }

  private QuantityChangePreview previewOf(
      Subscription s, int quantity, @Nullable QuantityChangeWhen when, Set<Role> roles) {
    TenantId tenant = s.tenant();
    LocalDate today = tenants.today(tenant);
    Plan plan = catalog.plan(s.planId());
    BillingPeriod period = s.currentPeriod();
    List<QuantityChangeSnapshot.PastChange> changesNow =
        period == null ? List.of() : changes.changesNow(tenant, s.id(), period);
    QuantityChangeDecision decision = QuantityChangePolicy.decide(
        new QuantityChangeSnapshot(
            s.status(), s.autoRenew(), s.isEnding(), s.quantity(), quantity, (int) assignments.count(tenant, s.id()),
            plan.maxQuantity(), roles, today, period, changesNow, settings.reductionWindowDays(), when));
    Money unitPrice = period == null ? plan.unitPrice() : billedUnitPrice(s, period, plan);
    LocalDate invoiceOn = period == null ? null : moneyDate(s, decision.addition(), period, today);
    return QuantityChangePreview.of(s.id(), decision, unitPrice, period, today, invoiceOn);
  }

  /** The unit price actually billed for the period (the catalog's only if nothing was billed). */
  private Money billedUnitPrice(Subscription s, BillingPeriod period, Plan plan) {
    return billing.chargeFor(s.tenant(), s.id(), period.start()).map(PeriodCharge::unitPrice).orElse(plan.unitPrice());
  }

  /** Licenses bought are charged on the next invoice; licenses removed are credited on the billing date. */
  private LocalDate moneyDate(Subscription s, boolean addition, BillingPeriod period, LocalDate today) {
    return addition
        ? billing.nextInvoiceDate(s.tenant(), s.id(), period, today)
        : billing.creditReturnDate(s.tenant(), s.id(), period, today);
  }

  /** The quantity changes today; billing books the prorated charge or credit from the event. */
  private UUID changeNow(Subscription locked, QuantityChangePreview preview, String actor) {
    subscriptions.changeQuantityNow(locked, preview.quantityAfter(), actor);
    UUID changeId = UUID.randomUUID();
    List<ProratedAmount> money = preview.direction() == QuantityChangePreview.Direction.NONE
        ? List.of()
        : List.of(new ProratedAmount(
            preview.direction() == QuantityChangePreview.Direction.CHARGE
                ? ProratedAmount.Direction.CHARGE : ProratedAmount.Direction.CREDIT,
            locked.currentPeriod(), preview.amount(), preview.chargedOn(), preview.quantityAfter(),
            preview.unitPrice()));
    events.publishEvent(new QuantityChanged(locked.tenant(), locked.id(), changeId, preview.quantityBefore(),
        preview.quantityAfter(), preview.effectiveOn(), false, money, actor));
    return changeId;
  }

  /** A change for the renewal: no money now; the renewal run applies it. */
  private UUID schedule(Subscription locked, QuantityChangePreview preview, String actor) {
    ScheduledChange scheduled =
        subscriptions.scheduleChange(locked, ScheduledChange.Kind.QUANTITY, preview.quantityAfter(), null, actor);
    events.publishEvent(new QuantityChanged(locked.tenant(), locked.id(), scheduled.id(), preview.quantityBefore(),
        preview.quantityAfter(), preview.effectiveOn(), true, List.of(), actor));
    return scheduled.id();
  }
}
