package org.billingcenter.orderhistory;

/** What an order-history entry is; its label is {@code orderhistory.type.<NAME>} in the six bundles. */
public enum OrderHistoryType {
  PURCHASE,
  LICENSES_ADDED,
  LICENSES_REMOVED,
  PLAN_CHANGE,
  CANCELLATION,
  CANCELLATION_UNDONE,
  REACTIVATION,
  CREDIT
}
