package org.billingcenter.planchange;

import java.time.LocalDate;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;

/**
 * Exactly what the change will do. Now: the prorated credit for the old plan's unused days and the
 * prorated charge for the new plan's, both on the invoice of {@code invoiceOn}. At renewal: no
 * prorated money ({@code credit} and {@code charge} are zero, {@code invoiceOn} is null); the
 * renewal on {@code effectiveOn} is charged at the new plan's price. Members keep their licenses
 * either way: licenses belong to the subscription, which stays the same.
 */
public record PlanChangePreview(
    String fromPlan,
    String toPlan,
    PlanChangeWhen when,
    LocalDate effectiveOn,
    Money credit,
    Money charge,
    LocalDate invoiceOn,
    Money newUnitPrice,
    BillingFrequency newFrequency,
    int quantity,
    int membersKeepingLicenses) {

  /** The charge less the credit: what the next invoice grows by (negative: it shrinks). */
  public Money net() {
    return charge.minus(credit);
  }
}
