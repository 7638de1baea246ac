package org.billingcenter.orderhistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.CreditEntry;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.orderhistory.AuditAmounts.Amounts;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Service;

/**
 * The order history of an organisation: one page of its audit trail's order actions
 * ({@link OrderHistoryActions}), newest first, each with its subscription's product and its amount.
 * Amounts come from the audit row where it carries one ({@link AuditAmounts}); a purchase or a
 * reactivation charges its first period, quantity × the plan's unit price.
 */
@Service
public class OrderHistoryService {

  private static final Pattern STARTED = Pattern.compile("^ACTIVE x(\\d+) (\\S+)$");
  private static final Pattern CONVERTED = Pattern.compile("ACTIVE x(\\d+)$");

  private final AuditLog audit;
  private final TenantService tenants;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final BillingService billing;

  OrderHistoryService(AuditLog audit, TenantService tenants, SubscriptionService subscriptions, CatalogService catalog,
      BillingService billing) {
    this.audit = audit;
    this.tenants = tenants;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.billing = billing;
  }

  /**
   * Not one transaction on purpose: a subscription purged since (a refusal of its service) must not
   * mark a shared transaction rollback-only; each read is its own.
   */
  public Page<OrderHistoryEntry> page(TenantId tenant, OrderHistoryFilter filter, PageRequest page) {
    ZoneId zone = tenants.get(tenant).timeZone();
    Instant from = filter.from() == null ? Instant.EPOCH : filter.from().atStartOfDay(zone).toInstant();
    Instant until = filter.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
    Page<AuditEvent> events = audit.search(tenant, OrderHistoryActions.actions(filter.types()), from, until,
        filter.subscription() == null ? null : entities(tenant, filter.subscription()), page);
    Map<UUID, CreditEntry> credits = credits(tenant, events.items(), zone);
    Map<UUID, Optional<Subscription>> seen = new HashMap<>();
    return events.map(e -> entry(tenant, e, zone, credits, seen));
  }

  /** The subscription and its credits: a credit's audit row names the credit, not the subscription. */
  private List<String> entities(TenantId tenant, UUID subscription) {
    List<String> ids = new ArrayList<>();
    ids.add(subscription.toString());
    billing.credits(tenant).stream().filter(c -> c.subscription().value().equals(subscription))
        .forEach(c -> ids.add(c.id().toString()));
    return ids;
  }

  /** The credits of the page's credit rows, read for the days those rows span. */
  private Map<UUID, CreditEntry> credits(TenantId tenant, List<AuditEvent> events, ZoneId zone) {
    List<LocalDate> days = events.stream().filter(e -> e.action().equals("CREDIT_RECORDED"))
        .map(e -> e.occurredAt().atZone(zone).toLocalDate()).sorted().toList();
    Map<UUID, CreditEntry> byId = new HashMap<>();
    if (!days.isEmpty()) {
      billing.forEachCredit(tenant, days.get(0).minusDays(1), days.get(days.size() - 1).plusDays(1),
          c -> byId.put(c.id(), c));
    }
    return byId;
  }

  private OrderHistoryEntry entry(TenantId tenant, AuditEvent e, ZoneId zone, Map<UUID, CreditEntry> credits,
      Map<UUID, Optional<Subscription>> seen) {
    OrderHistoryActions.Mapping mapping = OrderHistoryActions.of(e.action(), e.after()).orElseThrow();
    UUID subscriptionId = subscriptionOf(e, credits);
    Optional<Subscription> subscription = subscriptionId == null ? Optional.empty()
        : seen.computeIfAbsent(subscriptionId, id -> find(tenant, id));
    Amounts amounts = AuditAmounts.of(e.action(), e.after());
    Money charge = amounts.charge() != null ? amounts.charge() : firstPeriod(e, subscription);
    String actor = e.actor().startsWith("support:") ? e.actor().substring("support:".length()) : e.actor();
    return new OrderHistoryEntry(e.id(), e.occurredAt().atZone(zone).toOffsetDateTime(), mapping.type(),
        mapping.scheduled(), subscriptionId, subscription.map(s -> plan(s.planId()).map(Plan::productName).orElse(null))
            .orElse(null),
        actor, OrderHistoryActions.assisted(e.actor(), e.reason()), charge, amounts.credit());
  }

  private static UUID subscriptionOf(AuditEvent e, Map<UUID, CreditEntry> credits) {
    try {
      UUID id = UUID.fromString(e.entityId());
      if (e.entityType().equals("credit")) {
        CreditEntry credit = credits.get(id);
        return credit == null ? null : credit.subscription();
      }
      return e.entityType().equals("subscription") ? id : null;
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /** What a purchase, a conversion or a reactivation charged: its first period, quantity × unit price. */
  private Money firstPeriod(AuditEvent e, Optional<Subscription> subscription) {
    String after = e.after() == null ? "" : e.after();
    return switch (e.action()) {
      case "SUBSCRIPTION_STARTED" -> {
        Matcher m = STARTED.matcher(after);
        yield m.find() ? times(plan(m.group(2)), Integer.parseInt(m.group(1))) : null;
      }
      case "TRIAL_CONVERTED_NOW" -> {
        Matcher m = CONVERTED.matcher(after);
        yield m.find() && subscription.isPresent()
            ? times(plan(subscription.get().planId()), Integer.parseInt(m.group(1))) : null;
      }
      case "SUBSCRIPTION_REACTIVATED" ->
          subscription.map(s -> times(plan(s.planId()), s.quantity())).orElse(null);
      default -> null;
    };
  }

  private static Money times(Optional<Plan> plan, int quantity) {
    return plan.map(p -> p.unitPrice().times(quantity)).orElse(null);
  }

  private Optional<Subscription> find(TenantId tenant, UUID id) {
    try {
      return Optional.of(subscriptions.get(tenant, new SubscriptionId(id)).subscription());
    } catch (Rejected gone) {
      return Optional.empty(); // purged after its retention: the entry stays, without a product
    }
  }

  private Optional<Plan> plan(String planId) {
    try {
      return Optional.of(catalog.plan(planId));
    } catch (Rejected gone) {
      return Optional.empty();
    }
  }
}
