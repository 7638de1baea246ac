package org.billingcenter.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;

/**
 * Which unit price a plan's period is charged at. A subscription's price is fixed by the list price
 * in force when it was anchored (bought, reactivated, moved to another frequency); a later change
 * reaches it only at a period starting on or after the change's {@code existingFrom}, so the period
 * under way and every period already charged never move. Pure: the billing run and the catalog
 * pages ask the same question here.
 */
public record PriceSchedule(Money base, List<PriceChange> changes) {

  public PriceSchedule {
    changes = changes.stream().sorted(Comparator.comparing(PriceChange::effectiveFrom)).toList();
  }

  /** A plan whose price never changed. */
  public static PriceSchedule fixed(Money base) {
    return new PriceSchedule(base, List.of());
  }

  /** The list price a purchase made on {@code day} pays. */
  public Money inForceOn(LocalDate day) {
    Money price = base;
    for (PriceChange change : changes) {
      if (!change.effectiveFrom().isAfter(day)) {
        price = change.unitPrice();
      }
    }
    return price;
  }

  /**
   * The unit price of the period starting {@code periodStart} of a subscription anchored on
   * {@code anchor}: the latest change that was in force on the anchor, or whose notice has run out
   * by the period's start.
   */
  public Money forPeriod(LocalDate anchor, LocalDate periodStart) {
    Money price = base;
    for (PriceChange change : changes) {
      if (!change.effectiveFrom().isAfter(anchor) || !change.existingFrom().isAfter(periodStart)) {
        price = change.unitPrice();
      }
    }
    return price;
  }

  /** Changes not yet reached by every subscription on {@code today}: what the operator sees as scheduled. */
  public List<PriceChange> scheduled(LocalDate today) {
    return changes.stream().filter(c -> c.existingFrom().isAfter(today)).toList();
  }

  /** The latest change purchases already pay on {@code today}, if any. */
  public Optional<PriceChange> current(LocalDate today) {
    return changes.stream().filter(c -> !c.effectiveFrom().isAfter(today)).reduce((a, b) -> b);
  }

  /** When existing subscriptions start paying a change announced on {@code announcedOn}. */
  public static LocalDate existingFrom(LocalDate effectiveFrom, LocalDate announcedOn, int noticeDays) {
    LocalDate noticeEnds = announcedOn.plusDays(noticeDays);
    return noticeEnds.isAfter(effectiveFrom) ? noticeEnds : effectiveFrom;
  }

  /** The first renewal on or after {@code day} of a subscription anchored on {@code anchor}. */
  public static LocalDate firstRenewalOnOrAfter(LocalDate anchor, BillingFrequency frequency, LocalDate day) {
    if (!day.isAfter(anchor)) {
      return BillingPeriod.nth(anchor, 1, frequency).start();
    }
    BillingPeriod period = BillingPeriod.containing(anchor, day, frequency);
    return period.start().equals(day) ? day : period.endExclusive();
  }
}
