package org.billingcenter.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.shared.MemberId;
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
}
