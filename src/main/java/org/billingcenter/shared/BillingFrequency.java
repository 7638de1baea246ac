package org.billingcenter.shared;

/** How often a plan is charged; also the length of a billing period. */
public enum BillingFrequency {
  MONTHLY(1),
  ANNUAL(12);

  private final int months;

  BillingFrequency(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
