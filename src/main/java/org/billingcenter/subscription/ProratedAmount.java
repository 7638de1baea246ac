package org.billingcenter.subscription;

import java.time.LocalDate;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/**
 * A prorated amount a change costs or returns, on the invoice of {@code on}. {@code amount} is
 * never negative; the direction says which way it goes. {@code quantityAfter} and
 * {@code unitPriceAfter} are the period's terms once the change is made: billing keeps them as the
 * period's current terms (what a later cancellation credits).
 */
public record ProratedAmount(
    Direction direction,
    BillingPeriod period,
    Money amount,
    LocalDate on,
    int quantityAfter,
    Money unitPriceAfter) {

  public enum Direction {
    CHARGE,
    CREDIT
  }
}
