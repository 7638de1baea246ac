package org.billingcenter.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.TrialPolicy.Conversion;
import org.billingcenter.subscription.TrialPolicy.Extension;
import org.billingcenter.subscription.TrialPolicy.TrialFacts;
import org.billingcenter.subscription.TrialRepository.TrialColumns;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a trial will do at its end and what the customer may change about it: the licenses it
 * converts with, one extension, and buying now. Conversion on/off is the subscription's recurring
 * billing switch ({@link SubscriptionService#setAutoRenew}).
 */
@Service
public class TrialService {

  private final SubscriptionService subscriptions;
  private final SubscriptionRepository rows;
  private final TrialRepository trials;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final TrialSettings settings;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Outbox outbox;
  private final Clock clock;

  TrialService(SubscriptionService subscriptions, SubscriptionRepository rows, TrialRepository trials,
      CatalogService catalog, TenantService tenants, TrialSettings settings, AuditLog audit,
      ApplicationEventPublisher events, Outbox outbox, Clock clock) {
    this.subscriptions = subscriptions;
    this.rows = rows;
    this.trials = trials;
    this.catalog = catalog;
    this.tenants = tenants;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A trial as its page shows it: what its end will do, whether it may be extended, the admin's number. */
  public record TrialOutlook(Conversion conversion, Extension extension, Integer conversionQuantity) {}

  /**
   * Buying a trial now: {@code quantity} licenses for the first period {@code period} (starting
   * today), charged {@code firstCharge} on the invoice of {@code invoiceDate} with {@code paymentMethod}.
   */
  public record BuyNow(
      int quantity, Money unitPrice, Money firstCharge, BillingPeriod period, LocalDate invoiceDate,
      PaymentMethodId paymentMethod) {}

  /** The outlook of each trial among {@code summaries} (others are left out), in one query. */
  @Transactional(readOnly = true)
  public Map<SubscriptionId, TrialOutlook> outlooks(TenantId tenant, List<SubscriptionSummary> summaries) {
    List<SubscriptionSummary> onTrial =
        summaries.stream().filter(s -> s.subscription().status() == SubscriptionStatus.TRIAL).toList();
    Map<SubscriptionId, TrialColumns> columns =
        trials.find(tenant, onTrial.stream().map(s -> s.subscription().id()).toList());
    LocalDate today = onTrial.isEmpty() ? null : tenants.today(tenant);
    return onTrial.stream().collect(Collectors.toMap(s -> s.subscription().id(),
        s -> outlook(s, columns.getOrDefault(s.subscription().id(), TrialColumns.NONE), today), (a, b) -> a));
  }

  /** The outlook of one subscription, null when it is not a trial. */
  @Transactional(readOnly = true)
  public TrialOutlook outlook(TenantId tenant, SubscriptionSummary summary) {
    return outlooks(tenant, List.of(summary)).get(summary.subscription().id());
  }

  /** The licenses the trial converts with (null: those assigned at its end); refused below those assigned now. */
  @Transactional
  public SubscriptionSummary setConversionQuantity(TenantId tenant, SubscriptionId id, Integer quantity, String actor) {
    Subscription locked = trial(tenant, id);
    if (quantity != null) {
      Plan plan = catalog.plan(locked.planId());
      TrialPolicy.refusedQuantity(quantity, assigned(tenant, id), plan.maxQuantity()).ifPresent(r -> {
        throw r;
      });
    }
    Integer before = trials.find(tenant, id).conversionQuantity();
    trials.setConversionQuantity(tenant, id, quantity);
    audit.record(tenant, actor,
        Change.of("CONVERSION_QUANTITY_SET", "subscription", id).from(orAssigned(before)).to(orAssigned(quantity)));
    return subscriptions.get(tenant, id);
  }

  /** The one extension, within the trial's last days; refused TRIAL_EXTENSION_NOT_ALLOWED otherwise. */
  @Transactional
  public SubscriptionSummary extend(TenantId tenant, SubscriptionId id, String actor) {
    Subscription locked = trial(tenant, id);
    Extension extension = TrialPolicy.extension(facts(locked, 0, trials.find(tenant, id)), tenants.today(tenant), settings);
    if (!extension.allowed()) {
      throw new Rejected(TrialReason.TRIAL_EXTENSION_NOT_ALLOWED, extension.refusal().name(), extension.opensOn());
    }
    trials.extend(tenant, id, extension.newEnd(), clock.instant());
    audit.record(tenant, actor,
        Change.of("TRIAL_EXTENDED", "subscription", id).from("ends " + locked.trialEnd()).to("ends " + extension.newEnd()));
    return subscriptions.get(tenant, id);
  }

  /**
   * What buying the trial now would do; {@code quantity} null means the number it would convert
   * with, {@code paymentMethod} null the trial's own.
   */
  @Transactional(readOnly = true)
  public BuyNow previewBuyNow(TenantId tenant, SubscriptionId id, Integer quantity, PaymentMethodId paymentMethod) {
    SubscriptionSummary summary = subscriptions.get(tenant, id);
    int licenses = quantity != null ? quantity
        : TrialPolicy.conversionQuantity(trials.find(tenant, id).conversionQuantity(), summary.assignedLicenses());
    return buyNow(summary.subscription(), summary.assignedLicenses(), licenses, paymentMethod);
  }

  /**
   * Converts the trial now: ACTIVE, its first period from today charged now, exactly like a purchase
   * (billing charges the {@link SubscriptionStarted} it publishes). Returns what the preview showed.
   */
  @Transactional
  public BuyNow buyNow(TenantId tenant, SubscriptionId id, int quantity, PaymentMethodId paymentMethod, String actor) {
    Subscription locked = trial(tenant, id);
    BuyNow buy = buyNow(locked, assigned(tenant, id), quantity, paymentMethod);
    Subscription active = locked.withQuantity(buy.quantity())
        .restarted(SubscriptionStatus.ACTIVE, buy.period(), buy.paymentMethod());
    rows.update(active, clock.instant());
    audit.record(tenant, actor, Change.of("TRIAL_CONVERTED_NOW", "subscription", id)
        .from("TRIAL x" + locked.quantity()).to("ACTIVE x" + buy.quantity()));
    outbox.append(tenant, EventType.TRIAL_CONVERTED, id, EventData.of("subscriptionId", id)
        .with("planId", active.planId())
        .with("quantity", buy.quantity())
        .with("currentPeriodEnd", buy.period().endExclusive())
        .with("actor", actor).asMap());
    events.publishEvent(new SubscriptionStarted(tenant, id, active.planId(), SubscriptionStatus.ACTIVE,
        buy.quantity(), buy.period(), buy.unitPrice()));
    return buy;
  }

  private BuyNow buyNow(Subscription trial, int assigned, int quantity, PaymentMethodId chosen) {
    if (trial.status() != SubscriptionStatus.TRIAL) {
      throw new Rejected(TrialReason.NOT_A_TRIAL, trial.status());
    }
    PaymentMethodId paymentMethod = chosen != null ? chosen : trial.paymentMethod();
    if (paymentMethod == null) {
      throw new Rejected(SubscriptionReason.PAYMENT_METHOD_REQUIRED);
    }
    tenants.usablePaymentMethod(trial.tenant(), paymentMethod); // issue 18: never a removed card
    Plan plan = catalog.plan(trial.planId());
    TrialPolicy.refusedQuantity(quantity, assigned, plan.maxQuantity()).ifPresent(r -> {
      throw r;
    });
    LocalDate today = tenants.today(trial.tenant());
    BillingPeriod first = BillingPeriod.nth(today, 0, plan.billingFrequency());
    return new BuyNow(quantity, plan.unitPrice(), TrialPolicy.firstCharge(plan.unitPrice(), quantity), first,
        first.start(), paymentMethod);
  }

  private TrialOutlook outlook(SubscriptionSummary summary, TrialColumns columns, LocalDate today) {
    TrialFacts facts = facts(summary.subscription(), summary.assignedLicenses(), columns);
    Money unitPrice = catalog.plan(summary.subscription().planId()).unitPrice();
    return new TrialOutlook(TrialPolicy.conversion(facts, unitPrice), TrialPolicy.extension(facts, today, settings),
        columns.conversionQuantity());
  }

  private static TrialFacts facts(Subscription s, int assigned, TrialColumns columns) {
    return new TrialFacts(s.trialEnd(), s.autoRenew(), s.hasPaymentMethod(), assigned, columns.conversionQuantity(),
        columns.extendedAt() != null);
  }

  /** The trial, locked; anything else is refused NOT_A_TRIAL. */
  private Subscription trial(TenantId tenant, SubscriptionId id) {
    Subscription locked = subscriptions.lock(tenant, id);
    if (locked.status() != SubscriptionStatus.TRIAL) {
      throw new Rejected(TrialReason.NOT_A_TRIAL, locked.status());
    }
    return locked;
  }

  private int assigned(TenantId tenant, SubscriptionId id) {
    return subscriptions.get(tenant, id).assignedLicenses();
  }

  private static String orAssigned(Integer quantity) {
    return quantity == null ? "assigned" : String.valueOf(quantity);
  }
}
