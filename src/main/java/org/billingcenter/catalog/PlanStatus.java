package org.billingcenter.catalog;

/** Whether a plan is sold: a RETIRED one takes no new purchases or plan changes, and keeps renewing. */
public enum PlanStatus {
  ON_SALE,
  RETIRED
}
