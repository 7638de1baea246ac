package org.billingcenter.account;

import org.billingcenter.shared.Reason;

/** Why an account command was refused. */
public enum AccountReason implements Reason {
  USERNAME_TAKEN(Kind.CONFLICT),
  ROLE_NOT_FOR_TENANT(Kind.INVALID),
  NO_TENANT(Kind.FORBIDDEN),
  /** A language the product does not speak (same code and message as a callback's). */
  UNSUPPORTED_LANGUAGE(Kind.INVALID),
  /** Not an e-mail address (see {@link EmailAddress}). */
  EMAIL_INVALID(Kind.INVALID);

  private final Kind kind;

  AccountReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
