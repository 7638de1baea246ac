package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a term-end cancellation can be taken back: while the subscription is ACTIVE and set to end,
 * up to the day before it ends (tenant-local). On the end day the lifecycle ends it, so an undo then
 * would race the job; after that only a reactivation brings it back.
 */
public final class ScheduledEnd {

  private ScheduledEnd() {}

  /** Why {@code today} is too late or the subscription is not ending; empty when the undo is allowed. */
  public static Optional<SubscriptionReason> refusalToUndo(
      SubscriptionStatus status, LocalDate endsOn, LocalDate today) {
    if (status != SubscriptionStatus.ACTIVE || endsOn == null) {
      return Optional.of(SubscriptionReason.NOT_ENDING);
    }
    return today.isBefore(endsOn) ? Optional.empty() : Optional.of(SubscriptionReason.UNDO_TOO_LATE);
  }

  /** The last day the cancellation of a subscription ending on {@code endsOn} can be undone. */
  public static LocalDate lastUndoDay(LocalDate endsOn) {
    return endsOn.minusDays(1);
  }
}
