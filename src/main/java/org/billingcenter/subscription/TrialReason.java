package org.billingcenter.subscription;

import org.billingcenter.shared.Reason;

/** Why a trial command was refused. */
public enum TrialReason implements Reason {
  /** Only a trial has a conversion, an extension or a "buy now". */
  NOT_A_TRIAL(Kind.CONFLICT),
  /** Too early (argument: "TOO_EARLY" and the first day it is allowed) or already extended once. */
  TRIAL_EXTENSION_NOT_ALLOWED(Kind.CONFLICT),
  /** Fewer licenses than are assigned now (argument: how many are assigned). */
  QUANTITY_BELOW_ASSIGNED(Kind.INVALID);

  private final Kind kind;

  TrialReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
