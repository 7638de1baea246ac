package org.billingcenter.planchange;

import java.time.LocalDate;
import org.billingcenter.billing.Proration;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/** TEMPORARY stand-in for the contract's Proration.forRemainingDays until the ledger branch is merged. */
final class RemainingDays {

  private RemainingDays() {}

  static Money forRemainingDays(Money unitPrice, int licenses, BillingPeriod period, LocalDate today) {
    Money share = unitPrice.times(licenses).multiplyAndRound(Proration.unusedDays(period, today), period.days());
    return share.max(Money.zero(unitPrice.currency()));
  }
}
