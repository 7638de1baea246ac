package org.billingcenter.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 18: what non-payment does to a subscription. After the last dunning retry fails it goes
 * EXPIRED with reason PAYMENT_FAILED (its users keep access; the lifecycle takes it on to DISABLED
 * and DELETED as any expired one); paying what it owes before it is DELETED brings it back ACTIVE,
 * the same subscription, anchor and licenses: no new purchase. The payment module decides when.
 */
@Service
public class NonPayment {

  public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

  private final SubscriptionRepository subscriptions;
  private final ScheduledChanges changes;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final LifecycleSettings settings;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;

  NonPayment(SubscriptionRepository subscriptions, ScheduledChanges changes, CatalogService catalog,
      TenantService tenants, LifecycleSettings settings, AuditLog audit, Outbox outbox, Clock clock) {
    this.subscriptions = subscriptions;
    this.changes = changes;
    this.catalog = catalog;
    this.tenants = tenants;
    this.settings = settings;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** ACTIVE → EXPIRED (PAYMENT_FAILED), in the caller's transaction; false when it was not ACTIVE. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean expire(TenantId tenant, SubscriptionId id, String actor, String invoiceNumber) {
    Subscription locked = subscriptions.findForUpdate(tenant, id).orElse(null);
    if (locked == null || !subscriptions.expireUnpaid(tenant, id, clock.instant())) {
      return false;
    }
    changes.voidPending(locked, actor);
    LocalDate today = tenants.today(tenant);
    audit.record(tenant, actor, Change.of("SUBSCRIPTION_EXPIRED", "subscription", id)
        .from(SubscriptionStatus.ACTIVE).to(SubscriptionStatus.EXPIRED)
        .because(PAYMENT_FAILED + " " + invoiceNumber));
    outbox.append(tenant, EventType.SUBSCRIPTION_EXPIRED, id, EventData.of("subscriptionId", id)
        .with("planId", locked.planId())
        .with("expiredOn", today)
        .with("disablesOn", today.plusDays(settings.expiredDays()))
        .with("reason", PAYMENT_FAILED).asMap());
    return true;
  }

  /**
   * The subscriptions that paid with one of {@code declined} pay with {@code used} from now on (the
   * method that just paid the balance, as Microsoft does); one audit row each. In the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int movePaymentMethod(TenantId tenant, java.util.Set<PaymentMethodId> declined, PaymentMethodId used,
      String actor) {
    return movePaymentMethod(tenant, declined, used, actor, "the balance was paid with it"); // Issue 18 methods
  }

  // Issue 18 methods: begin
  /** As {@link #movePaymentMethod(TenantId, java.util.Set, PaymentMethodId, String)}, saying why in each audit row. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int movePaymentMethod(TenantId tenant, java.util.Set<PaymentMethodId> declined, PaymentMethodId used,
      String actor, String because) {
    java.util.Set<PaymentMethodId> others = new java.util.HashSet<>(declined);
    others.remove(used);
    List<SubscriptionId> moved = subscriptions.movePaymentMethod(tenant, others, used);
    moved.forEach(id -> audit.record(tenant, actor, Change.of("PAYMENT_METHOD_CHANGED", "subscription", id)
        .to(used).because(because)));
    return moved.size();
  }
  // Issue 18 methods: end

  /** Whether it ended for non-payment and can still come back by being paid (not DELETED). */
  @Transactional(readOnly = true)
  public boolean endedForNonPayment(TenantId tenant, SubscriptionId id) {
    return subscriptions.findSummary(tenant, id)
        .filter(s -> s.subscription().status() == SubscriptionStatus.EXPIRED
            || s.subscription().status() == SubscriptionStatus.DISABLED)
        .isPresent()
        && subscriptions.expiredReason(tenant, id).filter(PAYMENT_FAILED::equals).isPresent();
  }

  /**
   * EXPIRED or DISABLED for non-payment → ACTIVE, in the caller's transaction, once what it owed
   * is paid: its period is the one containing today (counted from its anchor), charged by the next
   * billing run unless an invoice already charged it. False when it did not end for non-payment.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean restore(TenantId tenant, SubscriptionId id, String actor) {
    Subscription locked = subscriptions.findForUpdate(tenant, id).orElse(null);
    if (locked == null || !endedForNonPayment(tenant, id)) {
      return false;
    }
    LocalDate today = tenants.today(tenant);
    BillingPeriod period = BillingPeriod.containing(locked.anchorDate(), today,
        catalog.plan(locked.planId()).billingFrequency());
    Subscription active = new Subscription(tenant, id, locked.planId(), locked.quantity(), SubscriptionStatus.ACTIVE,
        locked.autoRenew(), locked.anchorDate(), period, locked.trialEnd(), locked.paymentMethod(), locked.createdAt(),
        null, null);
    subscriptions.update(active, clock.instant());
    audit.record(tenant, actor, Change.of("SUBSCRIPTION_REACTIVATED", "subscription", id)
        .from(locked.status()).to(SubscriptionStatus.ACTIVE).because("PAYMENT_RECEIVED"));
    outbox.append(tenant, EventType.SUBSCRIPTION_REACTIVATED, id, EventData.of("subscriptionId", id)
        .with("quantity", active.quantity())
        .with("currentPeriodEnd", period.endExclusive())
        .with("actor", actor)
        .with("reason", "PAYMENT_RECEIVED").asMap());
    return true;
  }
}
