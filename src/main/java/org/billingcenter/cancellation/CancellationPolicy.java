package org.billingcenter.cancellation;

import org.billingcenter.shared.LicenseThreshold;
import static org.billingcenter.cancellation.CancellationOutcome.ALLOWED;
import static org.billingcenter.cancellation.CancellationOutcome.ALREADY_ENDED;
import static org.billingcenter.cancellation.CancellationOutcome.ALREADY_ENDING;
import static org.billingcenter.cancellation.CancellationOutcome.NOTHING_TO_CANCEL_TRIAL;
import static org.billingcenter.cancellation.CancellationOutcome.NOT_PERMITTED;
import static org.billingcenter.cancellation.CancellationOutcome.REFUND_WINDOW_PASSED;
import static org.billingcenter.cancellation.CancellationOutcome.TOO_MANY_LICENSES;

import java.time.LocalDate;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.billing.Proration;
import org.billingcenter.cancellation.CancellationDecision.Preview;
import org.billingcenter.cancellation.CancellationDecision.Trial;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.RefundWindow.Standing;
import org.billingcenter.subscription.SubscriptionStatus;

/**
 * The specification's cancellation rules, in order:
 *
 * <ol>
 *   <li>an expired, disabled or deleted subscription is already over;
 *   <li>a trial has nothing to cancel: it expires at its end date, or converts with a payment method;
 *   <li>only Global and Billing admins (and support engineers, assisting) may cancel;
 *   <li>online, only with fewer assigned licenses than the threshold (exactly the threshold is not
 *       fewer); remove {@code assigned − (threshold − 1)} licenses, or ask for a call. Support
 *       engineers cancelling on an organisation's behalf are not bound by the threshold;
 *   <li>with a refund window, cancelling now (with a credit) only within it — or later, if the
 *       organisation asked for a call within it: the request's day counts, not the engineer's.
 *       After it, the end of the term is still open;
 *   <li>otherwise allowed, with the preview of what will happen.
 * </ol>
 */
public final class CancellationPolicy {

  static final Set<Role> MAY_CANCEL = Set.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.SUPPORT_ENGINEER);

  private CancellationPolicy() {}

  public static CancellationDecision decide(CancellationSnapshot s) {
    int assigned = s.assigned().size();
    if (s.status() != SubscriptionStatus.ACTIVE && s.status() != SubscriptionStatus.TRIAL) {
      return refused(s, ALREADY_ENDED);
    }
    if (s.status() == SubscriptionStatus.TRIAL) {
      return new CancellationDecision(
          NOTHING_TO_CANCEL_TRIAL, assigned, s.threshold(), new Trial(s.trialEnd(), s.hasPaymentMethod()), 0, null);
    }
    if (s.roles().stream().noneMatch(MAY_CANCEL::contains)) {
      return refused(s, NOT_PERMITTED);
    }
    if (s.when() == CancelWhen.END_OF_TERM && s.ending()) {
      return refused(s, ALREADY_ENDING);
    }
    boolean assisted = s.roles().contains(Role.SUPPORT_ENGINEER);
    Standing window = refundWindow(s);
    if (!assisted && !LicenseThreshold.allowsOnline(assigned, s.threshold())) {
      return new CancellationDecision(TOO_MANY_LICENSES, assigned, s.threshold(), null,
          LicenseThreshold.licensesToRemove(assigned, s.threshold()), null, window);
    }
    if (s.when() == CancelWhen.NOW && window != null && !window.creditKept()) {
      return new CancellationDecision(REFUND_WINDOW_PASSED, assigned, s.threshold(), null, 0, null, window);
    }
    return new CancellationDecision(ALLOWED, assigned, s.threshold(), null, 0, preview(s), window);
  }

  /** Where the current period stands against the refund window; null without a window. */
  private static Standing refundWindow(CancellationSnapshot s) {
    return s.currentPeriod() == null
        ? null
        : s.refundWindow().standing(s.currentPeriod().start(), s.today(), s.requestedOn()).orElse(null);
  }

  private static Preview preview(CancellationSnapshot s) {
    Money none = Money.zero(s.currency());
    if (s.when() == CancelWhen.END_OF_TERM) {
      LocalDate end = s.currentPeriod().endExclusive();
      return new Preview(CancelWhen.END_OF_TERM, null, end, none, null, s.assigned());
    }
    Money credit = s.charge().map(charge -> Proration.credit(charge, s.today())).orElse(none);
    return new Preview(
        CancelWhen.NOW, s.now(), s.today(), credit, credit.isPositive() ? s.creditReturnOn() : null, s.assigned());
  }

  private static CancellationDecision refused(CancellationSnapshot s, CancellationOutcome outcome) {
    return new CancellationDecision(outcome, s.assigned().size(), s.threshold(), null, 0, null);
  }
}
