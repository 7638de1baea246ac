package org.billingcenter.planchange.api;

import java.time.LocalDate;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Problems;
import org.billingcenter.planchange.PlanChangeDecision;
import org.billingcenter.planchange.PlanChangePreview;
import org.billingcenter.planchange.PlanChangeRefusal;
import org.billingcenter.planchange.PlanChangeWhen;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.SubscriptionId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The decision as JSON, with its sentence in the caller's language. */
@Component
class PlanChangeViews {

  private final Problems problems;

  PlanChangeViews(Problems problems) {
    this.problems = problems;
  }

  /**
   * Now: {@code credit} (the old plan's unused days) is returned on the organisation's billing date
   * {@code creditReturnOn}; {@code charge} (the new plan's) goes on the invoice of {@code invoiceOn}.
   * At renewal: both are zero and both dates are null; the renewal
   * on {@code effectiveOn} is charged at {@code newUnitPrice}. Members keep their licenses.
   */
  public record PlanChangePreviewView(
      String fromPlanId,
      String toPlanId,
      PlanChangeWhen when,
      LocalDate effectiveOn,
      MoneyView credit,
      MoneyView charge,
      @Nullable LocalDate invoiceOn,
      @Nullable LocalDate creditReturnOn,
      MoneyView newUnitPrice,
      BillingFrequency newBillingFrequency,
      int quantity,
      int membersKeepingLicenses) {

    static PlanChangePreviewView of(PlanChangePreview p) {
      return new PlanChangePreviewView(p.fromPlan(), p.toPlan(), p.when(), p.effectiveOn(), MoneyView.of(p.credit()),
          MoneyView.of(p.charge()), p.invoiceOn(), p.creditReturnOn(), MoneyView.of(p.newUnitPrice()), p.newFrequency(), p.quantity(),
          p.membersKeepingLicenses());
    }
  }

  /**
   * {@code allowed} false: {@code code} says why (the same code a POST would answer with) and, for
   * ABOVE_MAXIMUM, {@code maximum}, {@code licensesToUnassign} and {@code licensesToRemove} say what to do.
   */
  public record PlanChangeDecisionView(
      String subscriptionId,
      boolean allowed,
      @Nullable PlanChangeRefusal code,
      String message,
      String fromPlanId,
      @Nullable String toPlanId,
      int assignedLicenses,
      @Nullable Integer maximum,
      @Nullable Integer licensesToUnassign,
      @Nullable Integer licensesToRemove,
      @Nullable PlanChangePreviewView preview) {}

  /** {@code done}: the change was just carried out, and the message says so. */
  PlanChangeDecisionView of(SubscriptionId id, PlanChangeDecision d, boolean done) {
    boolean above = d.refusal() == PlanChangeRefusal.ABOVE_MAXIMUM;
    return new PlanChangeDecisionView(
        id.toString(),
        d.allowed(),
        d.refusal(),
        problems.text(d.message(done), LocaleContextHolder.getLocale()),
        d.from().id(),
        d.to() == null ? null : d.to().id(),
        d.assigned(),
        d.maximum(),
        above ? d.licensesToUnassign() : null,
        above ? d.licensesToRemove() : null,
        d.preview() == null ? null : PlanChangePreviewView.of(d.preview()));
  }
}
