package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.BillingPeriod;

/**
 * When a prorated credit comes back: on the tenant's next invoice (its next billing run), which is
 * at most one billing cycle away; if nothing else is invoiced before the cancelled period would
 * have ended, a credit note on that period's end date. Either way, within the next billing cycle.
 */
public final class CreditReturn {

  private CreditReturn() {}

  public static LocalDate returnOn(Optional<LocalDate> nextInvoiceDate, BillingPeriod cancelledPeriod) {
    LocalDate periodEnd = cancelledPeriod.endExclusive();
    return nextInvoiceDate.filter(date -> date.isBefore(periodEnd)).orElse(periodEnd);
  }
}
