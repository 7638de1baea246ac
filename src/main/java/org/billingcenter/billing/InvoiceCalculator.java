package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/**
 * What a billing run owes for one subscription, and what a credit does to an invoice. Pure: the
 * run reads the rows, asks here, and writes the answer.
 */
public final class InvoiceCalculator {

  private InvoiceCalculator() {}

  /**
   * A subscription as the run sees it.
   *
   * @param currentCharged whether the current period already has its charge line
   * @param renews auto-renewing and not set to end at term end
   */
  public record DueSubscription(
      LocalDate anchor,
      BillingFrequency frequency,
      BillingPeriod current,
      boolean currentCharged,
      boolean renews,
      int quantity,
      Money unitPrice) {}

  /** The periods to charge, oldest first, and the period the subscription is in afterwards. */
  public record Renewal(List<PeriodCharge> charges, BillingPeriod current) {}

  /**
   * Charges the current period if it never was (a converted trial, a reactivation), then every
   * period that has started by {@code runDate} (a missed run catches up). Renewal dates come from
   * the anchor, so a 31st stays the 31st.
   */
  public static Renewal due(DueSubscription s, LocalDate runDate) {
    List<PeriodCharge> charges = new ArrayList<>();
    BillingPeriod period = s.current();
    if (!s.currentCharged() && !period.start().isAfter(runDate)) {
      charges.add(charge(s, period));
    }
    while (s.renews() && !period.endExclusive().isAfter(runDate)) {
      period = BillingPeriod.containing(s.anchor(), period.endExclusive(), s.frequency());
      charges.add(charge(s, period));
    }
    return new Renewal(List.copyOf(charges), period);
  }

  private static PeriodCharge charge(DueSubscription s, BillingPeriod period) {
    return new PeriodCharge(period, s.unitPrice(), s.quantity(), s.unitPrice().times(s.quantity()));
  }

  /** How a credit lands on an invoice: what the invoice absorbs, and the rest, refunded. */
  public record CreditOutcome(Money applied, Money refunded) {}

  public static CreditOutcome applyCredit(Money invoiceTotal, Money credit) {
    Money absorbable = invoiceTotal.max(Money.zero(invoiceTotal.currency()));
    Money applied = credit.min(absorbable);
    return new CreditOutcome(applied, credit.minus(applied));
  }
}
