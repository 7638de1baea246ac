package org.billingcenter.catalog;

import java.util.List;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalog for everyone; the operator adds plans. */
@Service
public class CatalogService {

  private final PlanRepository plans;

  CatalogService(PlanRepository plans) {
    this.plans = plans;
  }

  @Transactional(readOnly = true)
  public List<Plan> plans() {
    return plans.list();
  }

  @Transactional(readOnly = true)
  public Page<Plan> plans(PageRequest page) {
    return new Page<>(plans.list(page), page, plans.count());
  }

  @Transactional(readOnly = true)
  public Plan plan(String planId) {
    return plans.find(planId).orElseThrow(() -> new Rejected(CatalogReason.PLAN_NOT_FOUND, planId));
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
