package org.billingcenter.subscription;

/** Where a subscription stands in its lifecycle. */
public enum SubscriptionStatus {
  /** Free for a limited time; nothing to cancel. */
  TRIAL,
  /** Paid and in use. */
  ACTIVE,
  /** The trial or term ended without renewal; access continues read-only for a grace period. */
  EXPIRED,
  /** Access has ended (cancelled, or expired too long); data is kept for a while. */
  DISABLED,
  /** Personal data purged; financial records remain. */
  DELETED;

  /** Still running: licenses can be assigned and the subscription can end. */
  public boolean isLive() {
    return this == TRIAL || this == ACTIVE;
  }
}
