package org.billingcenter.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's catalog console: price changes (checked, previewed, then announced) and
 * retirements, each written to the catalog's audit trail. Dates are the service's UTC dates; a
 * change takes effect two days ahead at the earliest, so no organisation anywhere has begun its
 * effective day yet.
 */
@Service
public class PricingService {

  /** Days between today and the earliest effective date: tomorrow has begun somewhere already. */
  public static final int EARLIEST_DAYS_AHEAD = 2;

  /** Years ahead a price change may be announced: further is a typing mistake, not a plan. */
  public static final int LATEST_YEARS_AHEAD = 5;

  /** The longest search text: longer than any product name or plan id. */
  public static final int MAX_QUERY = 200;

  private final PlanRepository plans;
  private final PriceRepository prices;
  private final PlanSubscribers subscribers;
  private final Clock clock;
  private final int noticeDays;

  PricingService(PlanRepository plans, PriceRepository prices, PlanSubscribers subscribers, Clock clock,
      @Value("${billing-center.catalog.price-notice-days:30}") int noticeDays) {
    this.plans = plans;
    this.prices = prices;
    this.subscribers = subscribers;
    this.clock = clock;
    this.noticeDays = noticeDays;
  }

  /** A page of the catalog whose product name or plan id contains {@code query} (any case); blank: all. */
  @Transactional(readOnly = true)
  public Page<CatalogEntry> entries(String query, PageRequest page) {
    String text = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
    String like = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    LocalDate today = today();
    java.util.Set<String> retired = plans.retiredIds();
    return new Page<>(plans.search(like, page), page, plans.countMatching(like)).map(p -> entry(p, retired, today));
  }

  @Transactional(readOnly = true)
  public CatalogEntry entry(String planId) {
    Plan plan = plans.find(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    return entry(plan, plans.retiredIds(), today());
  }

  private CatalogEntry entry(Plan plan, java.util.Set<String> retired, LocalDate today) {
    PriceSchedule schedule = new PriceSchedule(plan.unitPrice(), prices.of(plan.id()));
    return new CatalogEntry(plan.withUnitPrice(schedule.inForceOn(today)), retired.contains(plan.id()),
        schedule.scheduled(today));
  }

  /** What announcing this price change now would do; refused as the change itself would be. */
  @Transactional(readOnly = true)
  public PriceChangePreview preview(String planId, long unitPriceMinor, LocalDate effectiveFrom) {
    Plan plan = plans.find(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    return preview(plan, unitPriceMinor, effectiveFrom);
  }

  /** Announces the change previewed with the same input, and audits it. */
  @Transactional
  public PriceChangePreview changePrice(String planId, long unitPriceMinor, LocalDate effectiveFrom, String actor) {
    Plan plan = plans.lock(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    PriceChangePreview preview = preview(plan, unitPriceMinor, effectiveFrom);
    prices.insert(new PriceChange(planId, effectiveFrom, preview.newPrice(), preview.existingFrom()), clock.instant(), actor);
    prices.audit(planId, "PLAN_PRICE_CHANGED", String.valueOf(preview.currentPrice()),
        preview.newPrice() + " from " + effectiveFrom + ", existing subscriptions from their first renewal on or after "
            + preview.existingFrom() + " (" + preview.affected() + " now)",
        clock.instant(), actor);
    return preview;
  }

  @Transactional
  public CatalogEntry retire(String planId, String actor) {
    plans.lock(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    if (plans.retired(planId)) {
      throw new Rejected(CatalogReason.PLAN_ALREADY_RETIRED, planId);
    }
    plans.retire(planId, clock.instant());
    prices.audit(planId, "PLAN_RETIRED", "ON_SALE", "RETIRED", clock.instant(), actor);
    return entry(planId);
  }

  @Transactional
  public CatalogEntry unretire(String planId, String actor) {
    plans.lock(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
    if (!plans.retired(planId)) {
      throw new Rejected(CatalogReason.PLAN_NOT_RETIRED, planId);
    }
    plans.unretire(planId);
    prices.audit(planId, "PLAN_UNRETIRED", "RETIRED", "ON_SALE", clock.instant(), actor);
    return entry(planId);
  }

  public int noticeDays() {
    return noticeDays;
  }

  /** The first effective date the operator may choose today. */
  public LocalDate earliestEffectiveDate() {
    return today().plusDays(EARLIEST_DAYS_AHEAD);
  }

  private PriceChangePreview preview(Plan plan, long unitPriceMinor, LocalDate effectiveFrom) {
    if (unitPriceMinor < 0 || unitPriceMinor > Limits.MAX_UNIT_PRICE_MINOR) {
      throw new Rejected(CatalogReason.PRICE_OUT_OF_RANGE, Limits.MAX_UNIT_PRICE_MINOR);
    }
    LocalDate today = today();
    if (effectiveFrom.isBefore(earliestEffectiveDate())) {
      throw new Rejected(CatalogReason.PRICE_CHANGE_TOO_SOON, earliestEffectiveDate());
    }
    if (effectiveFrom.isAfter(today.plusYears(LATEST_YEARS_AHEAD))) {
      throw new Rejected(CatalogReason.PRICE_CHANGE_TOO_FAR, today.plusYears(LATEST_YEARS_AHEAD));
    }
    PriceSchedule schedule = new PriceSchedule(plan.unitPrice(), prices.of(plan.id()));
    if (schedule.changes().stream().anyMatch(c -> c.effectiveFrom().equals(effectiveFrom))) {
      throw new Rejected(CatalogReason.PRICE_CHANGE_EXISTS, effectiveFrom);
    }
    LocalDate existingFrom = PriceSchedule.existingFrom(effectiveFrom, today, noticeDays);
    Map<LocalDate, Integer> renewals = subscribers.renewalsOnOrAfter(plan.id(), existingFrom);
    return new PriceChangePreview(plan, schedule.inForceOn(today), Money.of(unitPriceMinor, plan.unitPrice().currency().getCurrencyCode()),
        effectiveFrom, existingFrom, noticeDays,
        renewals.entrySet().stream().map(e -> new PriceChangePreview.RenewalGroup(e.getKey(), e.getValue())).toList());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
