package org.billingcenter.catalog;

import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;

/**
 * How a product is sold: a unit price per license per billing period, how often it is charged,
 * how long the commitment runs, and the trial it starts with. A product may have several plans
 * (monthly and annual); {@code maxQuantity} caps the licenses one subscription may hold (null: no
 * cap but the service's own limit), and {@code upgradeRank} orders plans so pages can suggest the
 * bigger ones as upgrades.
 */
public record Plan(
    String id,
    String productId,
    String productName,
    Money unitPrice,
    BillingFrequency billingFrequency,
    BillingFrequency commitmentTerm,
    int trialDays,
    int trialLicenses,
    Integer maxQuantity,
    int upgradeRank) {

  /** A plan without a maximum quantity, ranked 0. */
  public Plan(String id, String productId, String productName, Money unitPrice, BillingFrequency billingFrequency,
      BillingFrequency commitmentTerm, int trialDays, int trialLicenses) {
    this(id, productId, productName, unitPrice, billingFrequency, commitmentTerm, trialDays, trialLicenses, null, 0);
  }

  /** Whether {@code quantity} licenses fit under this plan's maximum. */
  public boolean allows(int quantity) {
    return maxQuantity == null || quantity <= maxQuantity;
  }

  /** The same plan at another list price (the catalog's price in force on a day). */
  public Plan withUnitPrice(Money price) {
    return new Plan(id, productId, productName, price, billingFrequency, commitmentTerm, trialDays, trialLicenses,
        maxQuantity, upgradeRank);
  }

  public static final int DEFAULT_TRIAL_DAYS = 30;
  public static final int DEFAULT_TRIAL_LICENSES = 25;
  public static final int MAX_UPGRADE_RANK = 1000;
}
