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
  CALLBACK_NOT_REQUESTER(Kind.FORBIDDEN);

  private final Kind kind;

  SupportReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
