package org.billingcenter.catalog;

import java.util.List;
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
    if (plans.find(plan.id()).isPresent()) {
      throw new Rejected(CatalogReason.PLAN_EXISTS, plan.id());
    }
    plans.insert(plan);
    return plan;
  }
}
