package org.billingcenter.support;

import org.billingcenter.shared.Reason;

/** Why a callback request command was refused. */
public enum SupportReason implements Reason {
  CALLBACK_NOT_FOUND(Kind.NOT_FOUND),
  CALLBACK_ALREADY_OPEN(Kind.CONFLICT),
  INVALID_PHONE(Kind.INVALID),
  UNSUPPORTED_LANGUAGE(Kind.INVALID),
  CALLBACK_WRONG_STATUS(Kind.CONFLICT),
  CALLBACK_CLAIMED_BY_OTHER(Kind.CONFLICT),
  NOTES_REQUIRED(Kind.INVALID),
  CALLBACK_NOT_OPEN(Kind.CONFLICT),
  CALLBACK_NOT_REQUESTER(Kind.FORBIDDEN),
  // Issue 17: an assisted action without an open request claimed by the engineer, and no override reason
  NO_CLAIMED_REQUEST(Kind.FORBIDDEN),
  // Issue 17: "remove licenses for them" asked for as many licenses as they have, or more
  NOT_A_REMOVAL(Kind.INVALID);

  private final Kind kind;

  SupportReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
