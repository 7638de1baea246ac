package org.billingcenter.licensing;

import org.billingcenter.shared.Reason;

/** Why a change of a subscription's quantity (buying or removing licenses) was refused. */
public enum QuantityChangeRefusal implements Reason {
  /** Below 1 or above the largest quantity anyone may hold (args: 1, the maximum). */
  QUANTITY_OUT_OF_RANGE(Kind.INVALID),
  /** Only Global and Billing admins buy and remove licenses. */
  NOT_PERMITTED(Kind.FORBIDDEN),
  /** Expired, disabled or deleted: there is nothing to change. */
  ENDED(Kind.CONFLICT),
  /** A trial's licenses are free and fixed: buy the subscription first. */
  TRIAL(Kind.CONFLICT),
  /** The requested quantity is the current one. */
  NO_CHANGE(Kind.INVALID),
  /** Above the plan's maximum quantity (args: the maximum, 0 to unassign, the licenses too many). */
  ABOVE_MAXIMUM(Kind.INVALID),
  /** Fewer licenses than are assigned (args: assigned, licenses to unassign first). */
  LICENSES_IN_USE(Kind.CONFLICT),
  /** A reduction outside the reduction window asked for now (args: window days, renewal date). */
  REDUCTION_ONLY_AT_RENEWAL(Kind.CONFLICT),
  /** A change at renewal, but the subscription does not renew (arg: the day it ends). */
  RENEWAL_OFF(Kind.CONFLICT);

  private final Kind kind;

  QuantityChangeRefusal(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
