package org.billingcenter.cancellation;

import org.billingcenter.shared.Reason;

/** Refusals of a cancel request that are about the request, not the policy. */
public enum CancellationRefusal implements Reason {
  ASSISTED_NOTE_REQUIRED(Kind.INVALID),
  ASSISTED_NOTE_TOO_LONG(Kind.INVALID);

  private final Kind kind;

  CancellationRefusal(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
