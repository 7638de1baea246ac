package org.billingcenter.planchange;

/** When a plan change takes effect; the policy decides it, the caller does not choose. */
public enum PlanChangeWhen {
  /** Today: a prorated credit for the old plan and a prorated charge for the new one. */
  NOW,
  /** At the end of the current period, as a scheduled change, withdrawable until then. */
  AT_RENEWAL
}
