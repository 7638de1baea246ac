package org.billingcenter.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.shared.Rejected;

/**
 * The policy's answer. Only the part that belongs to the outcome is set: {@code trial} for a
 * trial, {@code licensesToRemove} for too many licenses, {@code preview} when allowed, {@code
 * refundWindow} when a refund window is set and the subscription is live.
 */
public record CancellationDecision(
    CancellationOutcome outcome, int assignedLicenses, int threshold, Trial trial, int licensesToRemove, Preview preview,
    RefundWindow.Standing refundWindow) {

  /** A decision the refund window has no part in (a trial, an ended subscription, a refused role). */
  public CancellationDecision(
      CancellationOutcome outcome, int assignedLicenses, int threshold, Trial trial, int licensesToRemove, Preview preview) {
    this(outcome, assignedLicenses, threshold, trial, licensesToRemove, preview, null);
  }

  /** A trial ends by itself on {@code endsOn}; with a payment method it becomes paid then. */
  public record Trial(LocalDate endsOn, boolean convertsToPaid) {}

  /**
   * Exactly what cancelling will do: when access ends, the credit and the day it is returned, and
   * who loses their license.
   */
  public record Preview(
      CancelWhen when,
      Instant effectiveAt,
      LocalDate effectiveOn,
      Money credit,
      LocalDate creditReturnedOn,
      List<MemberId> membersLosingAccess) {}

  public boolean allowed() {
    return outcome == CancellationOutcome.ALLOWED;
  }

  /**
   * The decision as one sentence, with the values it needs: the API's {@code message} and every page
   * that shows a decision say the same thing. {@code done}: the cancellation was just carried out.
   */
  public Message message(boolean done) {
    String key = (done ? "cancellation.done." : "cancellation.outcome.") + outcome.name().toLowerCase(Locale.ROOT);
    return switch (outcome) {
      case NOTHING_TO_CANCEL_TRIAL ->
          Message.of(key + (trial.convertsToPaid() ? ".converts" : ".expires"), trial.endsOn());
      case TOO_MANY_LICENSES -> Message.of(key, assignedLicenses, threshold, licensesToRemove);
      case REFUND_WINDOW_PASSED -> Message.of(key, refundWindow.lastDay());
      case ALLOWED ->
          preview.when() == CancelWhen.END_OF_TERM
              ? Message.of(key + ".end_of_term", preview.effectiveOn())
              : Message.of(key, preview.credit(), preview.creditReturnedOn());
      default -> Message.of(key);
    };
  }

  /** The refusal of a cancel request this decision does not allow, with the values its message needs. */
  public Rejected refusal() {
    return outcome == CancellationOutcome.REFUND_WINDOW_PASSED
        ? new Rejected(outcome, refundWindow.lastDay()).with("refundWindowLastDay", refundWindow.lastDay().toString())
        : new Rejected(outcome, licensesToRemove, threshold);
  }
}
