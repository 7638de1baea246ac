package org.billingcenter.billing;

import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/** What was actually billed for one subscription-period: the price then, not today's catalog. */
public record PeriodCharge(BillingPeriod period, Money unitPrice, int quantity, Money amount) {}
