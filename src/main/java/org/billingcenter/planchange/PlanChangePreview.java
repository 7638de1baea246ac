package org.billingcenter.planchange;

import java.time.LocalDate;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;

/**
 * Exactly what the change will do. Now: the prorated credit for the old plan's unused days, returned
 * on the organisation's billing date {@code creditReturnOn} like every credit, and the prorated
 * charge for the new plan's on the invoice of {@code invoiceOn} (often the same date). At renewal:
 * no prorated money ({@code credit} and {@code charge} are zero, both dates are null); the
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
    LocalDate creditReturnOn,
    Money newUnitPrice,
    BillingFrequency newFrequency,
    int quantity,
    int membersKeepingLicenses) {

  /** The charge less the credit: what the next invoice grows by (negative: it shrinks). */
  public Money net() {
    return charge.minus(credit);
  }

  /** The credit comes back on the invoice that carries the charge, so the two net out there. */
  public boolean sameInvoice() {
    return invoiceOn != null && invoiceOn.equals(creditReturnOn);
  }
}
