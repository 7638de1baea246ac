package org.billingcenter.planchange;

import java.time.LocalDate;
import org.billingcenter.billing.Proration;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/**
 * The two lines a change now puts on the next invoice: the old terms' unused days come back as a
 * credit, the new terms' are charged. Each line is rounded once on its own, so a move and its
 * inverse on the same day net to zero.
 */
record ProratedLines(Money credit, Money charge) {

  static ProratedLines of(Money oldUnitPrice, Money newUnitPrice, int quantity, BillingPeriod period, LocalDate today) {
    return new ProratedLines(
        Proration.forRemainingDays(oldUnitPrice, quantity, period, today),
        Proration.forRemainingDays(newUnitPrice, quantity, period, today));
  }
}
