package org.billingcenter.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/**
 * The prorated credit for ending a subscription before its period is over.
 *
 * <p>credit = unit price × quantity × unused days ÷ days in the period, rounded once, half-up, to
 * the currency's minor unit; never negative and never more than what was charged for the period.
 * Days are whole days on the tenant's calendar; the day of cancellation counts as used (access was
 * had that day), so cancelling on a period's last day returns nothing.
 */
public final class Proration {

  private Proration() {}

  /** Whole days after {@code today} that are still inside the period. */
  public static long unusedDays(BillingPeriod period, LocalDate today) {
    if (today.isBefore(period.start())) {
      return period.days();
    }
    if (!today.isBefore(period.endExclusive())) {
      return 0;
    }
    return ChronoUnit.DAYS.between(today.plusDays(1), period.endExclusive());
  }

  /**
   * @param charge what was billed for the period: its unit price, quantity and amount
   * @param today the cancellation day on the tenant's calendar
   */
  public static Money credit(PeriodCharge charge, LocalDate today) {
    Money full = charge.unitPrice().times(charge.quantity());
    Money share = full.multiplyAndRound(unusedDays(charge.period(), today), charge.period().days());
    Money zero = Money.zero(full.currency());
    return share.max(zero).min(charge.amount().max(zero));
  }

  /**
   * What {@code licenses} licenses cost for the rest of {@code period} after {@code today}: unit
   * price × licenses × unused days ÷ period days, rounded once, half-up; never negative. The day
   * of the change counts as used at the old terms (as for a cancellation), so a change and its
   * inverse on the same day cost and return the same amount.
   */
  public static Money forRemainingDays(Money unitPrice, int licenses, BillingPeriod period, LocalDate today) {
    Money zero = Money.zero(unitPrice.currency());
    if (licenses <= 0) {
      return zero;
    }
    return unitPrice.times(licenses).multiplyAndRound(unusedDays(period, today), period.days()).max(zero);
  }
}
