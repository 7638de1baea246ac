package org.billingcenter.licensing;

import static org.billingcenter.licensing.QuantityChangeRefusal.ABOVE_MAXIMUM;
import static org.billingcenter.licensing.QuantityChangeRefusal.ENDED;
import static org.billingcenter.licensing.QuantityChangeRefusal.LICENSES_IN_USE;
import static org.billingcenter.licensing.QuantityChangeRefusal.NOT_PERMITTED;
import static org.billingcenter.licensing.QuantityChangeRefusal.NO_CHANGE;
import static org.billingcenter.licensing.QuantityChangeRefusal.QUANTITY_OUT_OF_RANGE;
import static org.billingcenter.licensing.QuantityChangeRefusal.REDUCTION_ONLY_AT_RENEWAL;
import static org.billingcenter.licensing.QuantityChangeRefusal.RENEWAL_OFF;
import static org.billingcenter.licensing.QuantityChangeRefusal.TRIAL;
import static org.billingcenter.licensing.QuantityChangeWhen.AT_RENEWAL;
import static org.billingcenter.licensing.QuantityChangeWhen.NOW;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.licensing.QuantityChangeSnapshot.PastChange;
import org.billingcenter.shared.Limits;
import org.billingcenter.subscription.SubscriptionStatus;

/**
 * Buying and removing licenses, in order:
 *
 * <ol>
 *   <li>the quantity asked for is between 1 and {@link Limits#MAX_QUANTITY};
 *   <li>only Global and Billing admins change it;
 *   <li>an expired, disabled or deleted subscription is over; a trial's licenses are free (buy it first);
 *   <li>the same quantity is no change;
 *   <li>buying: never above the plan's maximum; now (the default, prorated charge) or at the
 *       renewal (only when it renews);
 *   <li>removing: never below the assigned count. Immediately, with a prorated credit, when every
 *       removed license was bought within the reduction window: all of them when the current period
 *       started (purchase or renewal) within it, else only those added since. A license bought on
 *       day D is within a 7-day window up to D+7 inclusive. Otherwise it is scheduled for the
 *       renewal (the default), which needs one coming; asking for it now is refused.
 * </ol>
 *
 * <p>A removal takes the newest licenses first (the customer's best case): a license already
 * removed at once is not counted again.
 */
public final class QuantityChangePolicy {

  static final Set<Role> MAY_CHANGE = Set.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);

  private QuantityChangePolicy() {}

  /** Whether these roles may buy and remove licenses (pages show the actions only then). */
  public static boolean mayChange(Set<Role> roles) {
    return roles.stream().anyMatch(MAY_CHANGE::contains);
  }

  public static QuantityChangeDecision decide(QuantityChangeSnapshot s) {
    if (s.requestedQuantity() < 1 || s.requestedQuantity() > Limits.MAX_QUANTITY) {
      return QuantityChangeDecision.refused(s, QUANTITY_OUT_OF_RANGE, 1, Limits.MAX_QUANTITY);
    }
    if (!mayChange(s.roles())) {
      return QuantityChangeDecision.refused(s, NOT_PERMITTED);
    }
    if (s.status() == SubscriptionStatus.TRIAL) {
      return QuantityChangeDecision.refused(s, TRIAL);
    }
    if (s.status() != SubscriptionStatus.ACTIVE || s.currentPeriod() == null) {
      return QuantityChangeDecision.refused(s, ENDED);
    }
    if (s.requestedQuantity() == s.currentQuantity()) {
      return QuantityChangeDecision.refused(s, NO_CHANGE, s.currentQuantity());
    }
    return s.requestedQuantity() > s.currentQuantity() ? addition(s) : reduction(s);
  }

  private static QuantityChangeDecision addition(QuantityChangeSnapshot s) {
    if (s.maxQuantity() != null && s.requestedQuantity() > s.maxQuantity()) {
      // The shared message (also the plan change's) reads: at most {0}; unassign {1}; remove {2}.
      return QuantityChangeDecision.refused(
          s, ABOVE_MAXIMUM, s.maxQuantity(), 0, s.requestedQuantity() - s.maxQuantity());
    }
    return s.when() == AT_RENEWAL ? atRenewal(s) : QuantityChangeDecision.allowed(s, NOW, s.today());
  }

  private static QuantityChangeDecision reduction(QuantityChangeSnapshot s) {
    if (s.requestedQuantity() < s.assigned()) {
      return QuantityChangeDecision.refused(
          s, LICENSES_IN_USE, s.assigned(), s.assigned() - s.requestedQuantity());
    }
    boolean fitsWindow = s.currentQuantity() - s.requestedQuantity() <= removableNow(s);
    if (s.when() == AT_RENEWAL || (s.when() == null && !fitsWindow)) {
      return atRenewal(s);
    }
    if (!fitsWindow) {
      return QuantityChangeDecision.refused(
          s, REDUCTION_ONLY_AT_RENEWAL, s.reductionWindowDays(), s.currentPeriod().endExclusive());
    }
    return QuantityChangeDecision.allowed(s, NOW, s.today());
  }

  private static QuantityChangeDecision atRenewal(QuantityChangeSnapshot s) {
    LocalDate renewal = s.currentPeriod().endExclusive();
    if (!s.renews()) {
      return QuantityChangeDecision.refused(s, RENEWAL_OFF, renewal);
    }
    return QuantityChangeDecision.allowed(s, AT_RENEWAL, renewal);
  }

  /**
   * How many of the current licenses were bought within the window. The licenses held at the
   * period's start count from that day; each immediate addition from its own day; each immediate
   * removal took the newest licenses first.
   */
  static int removableNow(QuantityChangeSnapshot s) {
    int netChanges = s.changesNow().stream().mapToInt(PastChange::delta).sum();
    Deque<PastChange> lots = new ArrayDeque<>();
    lots.push(new PastChange(s.currentPeriod().start(), Math.max(0, s.currentQuantity() - netChanges)));
    for (PastChange change : s.changesNow()) {
      if (change.delta() > 0) {
        lots.push(change);
      } else {
        takeNewest(lots, -change.delta());
      }
    }
    LocalDate oldestInWindow = s.today().minusDays(s.reductionWindowDays());
    return lots.stream().filter(lot -> !lot.on().isBefore(oldestInWindow)).mapToInt(PastChange::delta).sum();
  }

  private static void takeNewest(Deque<PastChange> lots, int licenses) {
    int left = licenses;
    while (left > 0 && !lots.isEmpty()) {
      PastChange newest = lots.pop();
      int taken = Math.min(left, newest.delta());
      left -= taken;
      if (taken < newest.delta()) {
        lots.push(new PastChange(newest.on(), newest.delta() - taken));
      }
    }
  }
}
