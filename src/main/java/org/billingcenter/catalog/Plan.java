package org.billingcenter.catalog;

import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;

/**
 * How a product is sold: a unit price per license per billing period, how often it is charged,
 * how long the commitment runs, and the trial it starts with.
 */
public record Plan(
    String id,
    String productId,
    String productName,
    Money unitPrice,
    BillingFrequency billingFrequency,
    BillingFrequency commitmentTerm,
    int trialDays,
    int trialLicenses) {

  public static final int DEFAULT_TRIAL_DAYS = 30;
  public static final int DEFAULT_TRIAL_LICENSES = 25;
}
