package org.billingcenter.admins;

import org.billingcenter.shared.Reason;

/** Why an admin or link command was refused. */
public enum AdminsReason implements Reason {
  /** An account already uses this address (as its username or its e-mail). */
  ADDRESS_IN_USE(Kind.CONFLICT),
  /** An invitation to this address is already pending: resend it instead. */
  INVITATION_PENDING(Kind.CONFLICT),
  INVITATION_NOT_FOUND(Kind.NOT_FOUND),
  ADMIN_NOT_FOUND(Kind.NOT_FOUND),
  /** At least one tenant role, and only tenant roles. */
  ROLES_INVALID(Kind.INVALID),
  /** The organisation would be left without a Global admin. */
  LAST_GLOBAL_ADMIN(Kind.CONFLICT),
  /** The two passwords typed differ. */
  PASSWORDS_DIFFER(Kind.INVALID),
  /** A link that is unknown, expired, withdrawn or used already. */
  LINK_INVALID(Kind.NOT_FOUND);

  private final Kind kind;

  AdminsReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
