package org.billingcenter.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;

/**
 * The policy's answer. Only the part that belongs to the outcome is set: {@code trial} for a
 * trial, {@code licensesToRemove} for too many licenses, {@code preview} when allowed.
 */
public record CancellationDecision(
    CancellationOutcome outcome, int assignedLicenses, int threshold, Trial trial, int licensesToRemove, Preview preview) {

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
      case ALLOWED ->
          preview.when() == CancelWhen.END_OF_TERM
              ? Message.of(key + ".end_of_term", preview.effectiveOn())
              : Message.of(key, preview.credit(), preview.creditReturnedOn());
      default -> Message.of(key);
    };
  }
}
