package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.billingcenter.catalog.PriceSchedule;
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
   * @param changes its PENDING scheduled changes due by the run date
   * @param assigned licenses assigned now: a scheduled reduction stops there
   * @param prices its plan's price schedule, which prices each period it charges; null: {@code unitPrice} always
   * @param pricedOn the day it moved to its plan when that is after the anchor (a plan change made
   *     now): the price in force for purchases that day is its price, as for a new purchase; null: the anchor
   */
  public record DueSubscription(
      LocalDate anchor,
      BillingFrequency frequency,
      BillingPeriod current,
      boolean currentCharged,
      boolean renews,
      int quantity,
      Money unitPrice,
      List<DueChange> changes,
      int assigned,
      PriceSchedule prices,
      LocalDate pricedOn) {

    /** Priced on its anchor. */
    public DueSubscription(LocalDate anchor, BillingFrequency frequency, BillingPeriod current,
        boolean currentCharged, boolean renews, int quantity, Money unitPrice, List<DueChange> changes, int assigned,
        PriceSchedule prices) {
      this(anchor, frequency, current, currentCharged, renews, quantity, unitPrice, changes, assigned, prices, null);
    }

    /** Nothing scheduled. */
    public DueSubscription(LocalDate anchor, BillingFrequency frequency, BillingPeriod current,
        boolean currentCharged, boolean renews, int quantity, Money unitPrice) {
      this(anchor, frequency, current, currentCharged, renews, quantity, unitPrice, List.of(), 0);
    }

    /** At one price whatever the period. */
    public DueSubscription(LocalDate anchor, BillingFrequency frequency, BillingPeriod current,
        boolean currentCharged, boolean renews, int quantity, Money unitPrice, List<DueChange> changes, int assigned) {
      this(anchor, frequency, current, currentCharged, renews, quantity, unitPrice, changes, assigned, null);
    }
  }

  /**
   * A scheduled change as the run applies it: a new quantity, or a new plan (its id, price and
   * frequency), from the first renewal on or after {@code effectiveOn}.
   */
  public record DueChange(
      UUID id, LocalDate effectiveOn, Integer quantity, String planId, BillingFrequency frequency, Money unitPrice,
      PriceSchedule prices) {

    public DueChange(
        UUID id, LocalDate effectiveOn, Integer quantity, String planId, BillingFrequency frequency, Money unitPrice) {
      this(id, effectiveOn, quantity, planId, frequency, unitPrice, null);
    }

    public static DueChange quantity(UUID id, LocalDate effectiveOn, int quantity) {
      return new DueChange(id, effectiveOn, quantity, null, null, null, null);
    }

    public static DueChange plan(UUID id, LocalDate effectiveOn, String planId, BillingFrequency frequency, Money unitPrice) {
      return new DueChange(id, effectiveOn, null, planId, frequency, unitPrice, null);
    }

    /** A move to a plan whose periods are priced by its schedule. */
    public static DueChange plan(UUID id, LocalDate effectiveOn, String planId, BillingFrequency frequency,
        PriceSchedule prices) {
      return new DueChange(id, effectiveOn, null, planId, frequency, prices.base(), prices);
    }
  }

  /**
   * A change applied at the renewal of {@code on}. {@code quantity} is the quantity after it;
   * {@code stoppedAtAssigned} when a reduction stopped at the licenses assigned.
   */
  public record AppliedChange(UUID id, LocalDate on, int quantity, String planId, boolean stoppedAtAssigned) {}

  /**
   * The periods to charge, oldest first, and the subscription afterwards: its period, anchor,
   * quantity and plan ({@code planId} null when unchanged), the day its price was set ({@code
   * pricedOn}, null: its anchor), and the changes applied.
   */
  public record Renewal(
      List<PeriodCharge> charges, BillingPeriod current, LocalDate anchor, int quantity, String planId,
      LocalDate pricedOn, List<AppliedChange> applied) {}

  /**
   * The terms a period is charged at; the anchor its periods are counted from. With a schedule, the
   * period's price is the one the schedule gives a subscription priced on {@code pricedOn} (its
   * anchor, or the later day it moved to this plan).
   */
  private record Terms(
      LocalDate anchor, BillingFrequency frequency, int quantity, Money unitPrice, String planId, PriceSchedule prices,
      LocalDate pricedOn) {

    Money priceOf(BillingPeriod period) {
      LocalDate setOn = pricedOn == null || pricedOn.isBefore(anchor) ? anchor : pricedOn;
      return prices == null ? unitPrice : prices.forPeriod(setOn, period.start());
    }
  }

  /**
   * Charges the current period if it never was (a converted trial, a reactivation), then every
   * period that has started by {@code runDate} (a missed run catches up). Renewal dates come from
   * the anchor, so a 31st stays the 31st. A scheduled change applies at the first renewal on or
   * after its date and that period is charged with the new terms; a new billing frequency starts a
   * new anchor on that renewal.
   */
  public static Renewal due(DueSubscription s, LocalDate runDate) {
    List<PeriodCharge> charges = new ArrayList<>();
    List<AppliedChange> applied = new ArrayList<>();
    List<DueChange> waiting = new ArrayList<>(s.changes());
    waiting.sort(Comparator.comparing(DueChange::effectiveOn));
    Terms terms = new Terms(s.anchor(), s.frequency(), s.quantity(), s.unitPrice(), null, s.prices(), s.pricedOn());
    BillingPeriod period = s.current();
    if (!s.currentCharged() && !period.start().isAfter(runDate)) {
      charges.add(charge(terms, period));
    }
    while (s.renews() && !period.endExclusive().isAfter(runDate)) {
      LocalDate renewal = period.endExclusive();
      while (!waiting.isEmpty() && !waiting.get(0).effectiveOn().isAfter(renewal)) {
        terms = apply(terms, waiting.remove(0), renewal, s.assigned(), applied);
      }
      period = BillingPeriod.containing(terms.anchor(), renewal, terms.frequency());
      charges.add(charge(terms, period));
    }
    return new Renewal(List.copyOf(charges), period, terms.anchor(), terms.quantity(), terms.planId(),
        terms.pricedOn(), List.copyOf(applied));
  }

  private static Terms apply(Terms terms, DueChange change, LocalDate renewal, int assigned, List<AppliedChange> applied) {
    Terms after;
    boolean stopped = false;
    if (change.quantity() != null) {
      stopped = change.quantity() < assigned;
      after = new Terms(terms.anchor(), terms.frequency(), Math.max(change.quantity(), assigned), terms.unitPrice(),
          terms.planId(), terms.prices(), terms.pricedOn());
    } else {
      // On the new plan from this renewal: priced as a purchase of that day would be.
      LocalDate anchor = change.frequency() == terms.frequency() ? terms.anchor() : renewal;
      after = new Terms(anchor, change.frequency(), terms.quantity(), change.unitPrice(), change.planId(), change.prices(),
          renewal);
    }
    applied.add(new AppliedChange(change.id(), renewal, after.quantity(), change.planId(), stopped));
    return after;
  }

  private static PeriodCharge charge(Terms terms, BillingPeriod period) {
    Money price = terms.priceOf(period);
    return new PeriodCharge(period, price, terms.quantity(), price.times(terms.quantity()));
  }

  /** How a credit lands on an invoice: what the invoice absorbs, and the rest, refunded. */
  public record CreditOutcome(Money applied, Money refunded) {}

  public static CreditOutcome applyCredit(Money invoiceTotal, Money credit) {
    Money absorbable = invoiceTotal.max(Money.zero(invoiceTotal.currency()));
    Money applied = credit.min(absorbable);
    return new CreditOutcome(applied, credit.minus(applied));
  }
}
