package org.billingcenter.orderhistory;

import org.billingcenter.shared.Reason;

/** Why an order-history query was refused ({@code error.<code>} in the bundles). */
public enum OrderHistoryReason implements Reason {
  /** An unknown type, a date that is not ISO, a start after the end, or a subscription id that is no UUID. */
  ORDER_HISTORY_FILTER_INVALID;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
