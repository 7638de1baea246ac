package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.BillingPeriod;

/**
 * When money made mid-period lands. A credit comes back on the organisation's next billing date
 * (its monthly billing day, whatever the frequency of the subscription it came from). A prorated
 * charge goes on the tenant's next invoice (its next billing run), which is at most one billing
 * period away; if nothing else is invoiced before the period ends, on that period's end date.
 */
public final class CreditReturn {

  private CreditReturn() {}

  /**
   * The credit's return date. An organisation without a billing day (only possible between a
   * lifecycle conversion and the billing run that fills it) gets the charge rule's date.
   */
  public static LocalDate creditOn(
      Optional<LocalDate> nextBillingDate, Optional<LocalDate> nextInvoiceDate, BillingPeriod period) {
    return nextBillingDate.orElseGet(() -> chargeOn(nextInvoiceDate, period));
  }

  public static LocalDate chargeOn(Optional<LocalDate> nextInvoiceDate, BillingPeriod period) {
    LocalDate periodEnd = period.endExclusive();
    return nextInvoiceDate.filter(date -> date.isBefore(periodEnd)).orElse(periodEnd);
  }
}
