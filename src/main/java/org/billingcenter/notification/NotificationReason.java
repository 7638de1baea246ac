package org.billingcenter.notification;

import org.billingcenter.shared.Reason;

/** Why a change to the notification settings was refused. */
public enum NotificationReason implements Reason {
  RECIPIENT_NOT_FOUND(Kind.NOT_FOUND),
  RECIPIENT_ALREADY_ADDED(Kind.CONFLICT),
  /** A list of addresses, not a mailing list: past this many, use a distribution list's address. */
  TOO_MANY_RECIPIENTS(Kind.CONFLICT),
  SENT_EMAIL_NOT_FOUND(Kind.NOT_FOUND);

  private final Kind kind;

  NotificationReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
