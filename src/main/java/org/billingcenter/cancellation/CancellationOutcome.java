package org.billingcenter.cancellation;

import org.billingcenter.shared.Reason;

/** What the policy decided. Every outcome but ALLOWED is also the refusal of a cancel request. */
public enum CancellationOutcome implements Reason {
  /** Online cancellation is possible; the decision carries the preview. */
  ALLOWED(Kind.CONFLICT),
  /** A trial: nothing to cancel; it expires, or converts if a payment method was given. */
  NOTHING_TO_CANCEL_TRIAL(Kind.CONFLICT),
  /** As many assigned licenses as the threshold or more: remove some, or ask for a call. */
  TOO_MANY_LICENSES(Kind.CONFLICT),
  /** The caller's role may not cancel. */
  NOT_PERMITTED(Kind.FORBIDDEN),
  /** Expired, disabled or deleted: already over. */
  ALREADY_ENDED(Kind.CONFLICT),
  /** Already set to end at its term end. */
  ALREADY_ENDING(Kind.CONFLICT),
  /** Cancelling now after the refund window, with no callback asked for within it: end of term only. */
  REFUND_WINDOW_PASSED(Kind.CONFLICT);

  private final Kind kind;

  CancellationOutcome(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
