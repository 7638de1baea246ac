package org.billingcenter.cancellation.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Problems;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationDecision;
import org.billingcenter.cancellation.CancellationOutcome;
import org.billingcenter.cancellation.CancellationService.Check;
import org.billingcenter.shared.RefundWindow.Standing;
import org.billingcenter.shared.SubscriptionId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The decision as JSON, with a sentence in the caller's language and the links of the ways
 * forward (remove licenses; "Let us call you") when online cancellation is refused.
 */
@Component
class DecisionViews {

  private final Problems problems;

  DecisionViews(Problems problems) {
    this.problems = problems;
  }

  public record Link(String href, String method) {}

  /** Named apart from the members API's MemberView: the document has one namespace of schemas. */
  public record MemberLosingAccess(String id, String displayName) {}

  public record TrialView(LocalDate endsOn, boolean convertsToPaid) {}

  public record PreviewView(
      CancelWhen when,
      @Nullable Instant effectiveAt,
      LocalDate effectiveOn,
      MoneyView credit,
      @Nullable LocalDate creditReturnedOn,
      List<MemberLosingAccess> membersLosingAccess) {}

  /**
   * The refund window of the current period: its last day, whether it is still open, and the day of a
   * callback request made within it that keeps the right to a prorated credit after it closed.
   */
  public record RefundWindowView(
      LocalDate lastDay, boolean open, @Nullable LocalDate keptByRequestOn, boolean creditKept) {}

  public record DecisionView(
      String subscriptionId,
      CancellationOutcome outcome,
      String message,
      int assignedLicenses,
      int threshold,
      @Nullable TrialView trial,
      @Nullable Integer licensesToRemove,
      @Nullable Link removeLicenses,
      @Nullable Link requestCallback,
      @Nullable PreviewView preview,
      @Nullable RefundWindowView refundWindow) {}

  /** The decision as a check: what would happen. */
  public DecisionView of(SubscriptionId id, Check check) {
    return of(id, check, false);
  }

  /** The decision that was just carried out: the message says it is done. */
  public DecisionView done(SubscriptionId id, Check check) {
    return of(id, check, true);
  }

  private DecisionView of(SubscriptionId id, Check check, boolean done) {
    CancellationDecision d = check.decision();
    boolean tooMany = d.outcome() == CancellationOutcome.TOO_MANY_LICENSES;
    return new DecisionView(
        id.toString(),
        d.outcome(),
        message(d, done),
        d.assignedLicenses(),
        d.threshold(),
        d.trial() == null ? null : new TrialView(d.trial().endsOn(), d.trial().convertsToPaid()),
        tooMany ? d.licensesToRemove() : null,
        tooMany ? new Link("/api/v1/subscriptions/" + id + "/licenses/unassign", "POST") : null,
        tooMany ? new Link("/api/v1/callback-requests", "POST") : null,
        d.preview() == null
            ? null
            : new PreviewView(
                d.preview().when(),
                d.preview().effectiveAt(),
                d.preview().effectiveOn(),
                MoneyView.of(d.preview().credit()),
                d.preview().creditReturnedOn(),
                check.membersLosingAccess().stream()
                    .map(m -> new MemberLosingAccess(m.id().toString(), m.displayName()))
                    .toList()),
        refundWindow(d.refundWindow()));
  }

  private static @Nullable RefundWindowView refundWindow(@Nullable Standing w) {
    return w == null ? null : new RefundWindowView(w.lastDay(), w.open(), w.keptByRequestOn(), w.creditKept());
  }

  private String message(CancellationDecision d, boolean done) {
    return problems.text(d.message(done), LocaleContextHolder.getLocale());
  }
}
