package org.billingcenter.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalog for everyone; the operator adds plans. A plan's {@code unitPrice} here is its
 * list price in force today (the service's UTC date); purchases ask {@link #plan(String, LocalDate)}
 * with the organisation's own date, and the billing run the {@link PriceSchedule}.
 */
@Service
public class CatalogService {

  private final PlanRepository plans;
  private final PriceRepository prices;
  private final Clock clock;

  CatalogService(PlanRepository plans, PriceRepository prices, Clock clock) {
    this.plans = plans;
    this.prices = prices;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Plan> plans() {
    return pricedToday(plans.list(), prices.all());
  }

  /**
   * The plans of these ids by id, at today's list price: what a page of subscriptions shows, read
   * without the rest of the catalog (an operator's catalog may hold hundreds of plans).
   */
  @Transactional(readOnly = true)
  public Map<String, Plan> plansById(java.util.Collection<String> planIds) {
    java.util.Set<String> ids = java.util.Set.copyOf(planIds);
    Map<String, Plan> byId = new HashMap<>();
    pricedToday(plans.list(ids), prices.of(ids)).forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  private List<Plan> pricedToday(List<Plan> read, List<PriceChange> changes) {
    Map<String, PriceSchedule> schedules = schedulesOf(read, changes);
    LocalDate today = today();
    return read.stream().map(p -> p.withUnitPrice(schedules.get(p.id()).inForceOn(today))).toList();
  }

  /** The plans an organisation may buy or change to: retired ones are left out. */
  @Transactional(readOnly = true)
  public List<Plan> plansOnSale() {
    java.util.Set<String> retired = plans.retiredIds();
    return plans().stream().filter(p -> !retired.contains(p.id())).toList();
  }

  @Transactional(readOnly = true)
  public Page<Plan> plans(PageRequest page) {
    Map<String, PriceSchedule> schedules = schedules();
    LocalDate today = today();
    return new Page<>(plans.list(page), page, plans.count())
        .map(p -> p.withUnitPrice(schedules.get(p.id()).inForceOn(today)));
  }

  @Transactional(readOnly = true)
  public Plan plan(String planId) {
    return plan(planId, today());
  }

  /** The plan at the list price a purchase made on {@code day} pays. */
  @Transactional(readOnly = true)
  public Plan plan(String planId, LocalDate day) {
    Plan plan = plans.find(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    return plan.withUnitPrice(new PriceSchedule(plan.unitPrice(), prices.of(planId)).inForceOn(day));
  }

  /** Every plan's price schedule by plan id: what the billing run prices renewals with. */
  @Transactional(readOnly = true)
  public Map<String, PriceSchedule> schedules() {
    return schedulesOf(plans.list(), prices.all());
  }

  /** The price schedules of plans read already, from their changes read in one query. */
  private static Map<String, PriceSchedule> schedulesOf(List<Plan> all, List<PriceChange> read) {
    Map<String, List<PriceChange>> changes = new HashMap<>();
    read.forEach(c -> changes.computeIfAbsent(c.planId(), k -> new java.util.ArrayList<>()).add(c));
    Map<String, PriceSchedule> schedules = new HashMap<>();
    all.forEach(p -> schedules.put(p.id(), new PriceSchedule(p.unitPrice(), changes.getOrDefault(p.id(), List.of()))));
    return schedules;
  }

  /** Refuses a new purchase of, or a move into, a retired plan; its subscriptions keep renewing. */
  @Transactional(readOnly = true)
  public void requireOnSale(String planId) {
    if (plans.retired(planId)) {
      throw new Rejected(CatalogReason.PLAN_RETIRED, planId);
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Transactional
  public Plan addPlan(Plan plan) {
    if (!withinLimits(plan)) {
      throw new Rejected(CatalogReason.PLAN_OUT_OF_RANGE,
          Limits.MAX_UNIT_PRICE_MINOR, Limits.MAX_TRIAL_DAYS, Limits.MAX_QUANTITY);
    }
    if (plans.find(plan.id()).isPresent()) {
      throw new Rejected(CatalogReason.PLAN_EXISTS, plan.id());
    }
    plans.insert(plan);
    return plan;
  }

  /** The API checks the same bounds first; this keeps any other caller inside them too. */
  private static boolean withinLimits(Plan plan) {
    long price = plan.unitPrice().minor();
    return price >= 0 && price <= Limits.MAX_UNIT_PRICE_MINOR
        && plan.trialDays() >= 0 && plan.trialDays() <= Limits.MAX_TRIAL_DAYS
        && plan.trialLicenses() >= 0 && plan.trialLicenses() <= Limits.MAX_QUANTITY
        && (plan.maxQuantity() == null || plan.maxQuantity() >= 1 && plan.maxQuantity() <= Limits.MAX_QUANTITY)
        && plan.upgradeRank() >= 0 && plan.upgradeRank() <= Plan.MAX_UPGRADE_RANK;
  }
}
