package org.billingcenter.planchange;

import static org.billingcenter.planchange.PlanChangeRefusal.ABOVE_MAXIMUM;
import static org.billingcenter.planchange.PlanChangeRefusal.CURRENCY_MISMATCH;
import static org.billingcenter.planchange.PlanChangeRefusal.ENDED;
import static org.billingcenter.planchange.PlanChangeRefusal.NOT_PERMITTED;
import static org.billingcenter.planchange.PlanChangeRefusal.NO_OTHER_FREQUENCY;
import static org.billingcenter.planchange.PlanChangeRefusal.PLAN_NOT_FOUND;
import static org.billingcenter.planchange.PlanChangeRefusal.RENEWAL_OFF;
import static org.billingcenter.planchange.PlanChangeRefusal.SAME_PLAN;
import static org.billingcenter.planchange.PlanChangeRefusal.TRIAL;

import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.SubscriptionStatus;

/**
 * The plan change rules, in order:
 *
 * <ol>
 *   <li>an expired, disabled or deleted subscription is over; a trial is bought first;
 *   <li>only Global and Billing admins change plans;
 *   <li>the target must exist (for the frequency flow: the product must have a plan of the other
 *       frequency), differ from the current plan and be priced in the same currency;
 *   <li>the target's maximum quantity must hold the quantity: with more licenses assigned than the
 *       maximum, unassign the excess; either way reduce the quantity to the maximum first. We refuse
 *       rather than cut the quantity silently: licenses paid for never disappear as a side effect;
 *   <li>same billing frequency and a unit price per license at least the billed one (equal counts:
 *       nothing is lost by moving at once, and the two prorated lines cancel exactly) → now, with a
 *       prorated credit and charge on the next invoice. A cheaper plan, or any frequency change →
 *       at renewal: a shorter frequency because the annual period is paid, a longer one because
 *       starting an annual period mid-month would need a new anchor mid-period;
 *   <li>a change at renewal needs recurring billing on and the subscription not set to end.
 * </ol>
 */
public final class PlanChangePolicy {

  static final Set<Role> MAY_CHANGE = Set.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);

  private PlanChangePolicy() {}

  public static PlanChangeDecision decide(PlanChangeSnapshot s) {
    PlanChangeRefusal refusal = refusal(s);
    if (refusal == ABOVE_MAXIMUM) {
      int max = s.target().maxQuantity();
      return new PlanChangeDecision(ABOVE_MAXIMUM, s.requestedPlanId(), s.current(), s.target(), s.assigned(), max,
          Math.max(0, s.assigned() - max), s.quantity() - max, null);
    }
    if (refusal != null) {
      return refused(s, refusal);
    }
    PlanChangeWhen when = when(s.current(), s.target(), s.billedUnitPrice());
    if (when == PlanChangeWhen.AT_RENEWAL && !s.renews()) {
      return refused(s, RENEWAL_OFF);
    }
    return new PlanChangeDecision(null, s.requestedPlanId(), s.current(), s.target(), s.assigned(),
        s.target().maxQuantity(), 0, 0, preview(s, when));
  }

  private static PlanChangeRefusal refusal(PlanChangeSnapshot s) {
    if (s.status() == SubscriptionStatus.TRIAL) {
      return TRIAL;
    }
    if (s.status() != SubscriptionStatus.ACTIVE) {
      return ENDED;
    }
    if (s.roles().stream().noneMatch(MAY_CHANGE::contains)) {
      return NOT_PERMITTED;
    }
    if (s.target() == null) {
      return s.requestedPlanId() == null ? NO_OTHER_FREQUENCY : PLAN_NOT_FOUND;
    }
    if (s.target().id().equals(s.current().id())) {
      return SAME_PLAN;
    }
    if (!s.target().unitPrice().currency().equals(s.current().unitPrice().currency())) {
      return CURRENCY_MISMATCH;
    }
    return s.target().allows(s.quantity()) ? null : ABOVE_MAXIMUM;
  }

  /** Now for an upgrade within the same frequency (equal price included); otherwise at renewal. */
  static PlanChangeWhen when(Plan current, Plan target, Money billedUnitPrice) {
    boolean sameFrequency = current.billingFrequency() == target.billingFrequency();
    return sameFrequency && target.unitPrice().compareTo(billedUnitPrice) >= 0
        ? PlanChangeWhen.NOW
        : PlanChangeWhen.AT_RENEWAL;
  }

  private static PlanChangePreview preview(PlanChangeSnapshot s, PlanChangeWhen when) {
    Plan to = s.target();
    if (when == PlanChangeWhen.AT_RENEWAL) {
      Money none = Money.zero(to.unitPrice().currency());
      Money renewalPrice = s.targetRenewalPrice() == null ? to.unitPrice() : s.targetRenewalPrice();
      return new PlanChangePreview(s.current().id(), to.id(), when, s.currentPeriod().endExclusive(), none, none,
          null, null, renewalPrice, to.billingFrequency(), s.quantity(), s.assigned());
    }
    ProratedLines lines =
        ProratedLines.of(s.billedUnitPrice(), to.unitPrice(), s.quantity(), s.currentPeriod(), s.today());
    return new PlanChangePreview(s.current().id(), to.id(), when, s.today(), lines.credit(), lines.charge(),
        s.nextInvoiceOn(), s.creditReturnOn(), to.unitPrice(), to.billingFrequency(), s.quantity(), s.assigned());
  }

  private static PlanChangeDecision refused(PlanChangeSnapshot s, PlanChangeRefusal refusal) {
    return new PlanChangeDecision(refusal, s.requestedPlanId(), s.current(), s.target(), s.assigned(),
        s.target() == null ? null : s.target().maxQuantity(), 0, 0, null);
  }
}
