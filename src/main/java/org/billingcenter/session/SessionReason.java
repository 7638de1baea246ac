package org.billingcenter.session;

import org.billingcenter.shared.Reason;

/** Why a session command was refused. */
public enum SessionReason implements Reason {
  /** Not an active session of the caller's (or, for a Global admin, of his organisation's). */
  SESSION_NOT_FOUND(Kind.NOT_FOUND);

  private final Kind kind;

  SessionReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
