package org.billingcenter.planchange;

import org.billingcenter.shared.Reason;

/**
 * Why a plan change is refused. Codes shared with other modules (NOT_PERMITTED, PLAN_NOT_FOUND,
 * CURRENCY_MISMATCH) mean the same thing there and use the same message key.
 */
public enum PlanChangeRefusal implements Reason {
  /** Only Global and Billing admins change plans. */
  NOT_PERMITTED(Kind.FORBIDDEN),
  /** A trial has no plan to change: buy it first. */
  TRIAL(Kind.CONFLICT),
  /** Expired, disabled or deleted. */
  ENDED(Kind.CONFLICT),
  /** The target is the subscription's own plan. */
  SAME_PLAN(Kind.CONFLICT),
  /** No such plan in the catalog. Argument: the plan id. */
  PLAN_NOT_FOUND(Kind.NOT_FOUND),
  /** The target is priced in another currency. Arguments: its currency, the organisation's. */
  CURRENCY_MISMATCH(Kind.INVALID),
  /**
   * The target plan's maximum is below the assigned licenses or the quantity. Arguments: the
   * maximum, the licenses to unassign first, the licenses to remove.
   */
  ABOVE_MAXIMUM(Kind.CONFLICT),
  /** An at-renewal change needs recurring billing on and the subscription not set to end. */
  RENEWAL_OFF(Kind.CONFLICT),
  /** The product has no plan of the other billing frequency. */
  NO_OTHER_FREQUENCY(Kind.CONFLICT);

  private final Kind kind;

  PlanChangeRefusal(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
