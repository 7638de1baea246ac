package org.billingcenter.tenant;

import org.billingcenter.shared.Reason;

/** Why a tenant, member or payment method command was refused. */
public enum TenantReason implements Reason {
  TENANT_NOT_FOUND(Kind.NOT_FOUND),
  MEMBER_NOT_FOUND(Kind.NOT_FOUND),
  MEMBER_EMAIL_TAKEN(Kind.CONFLICT),
  PAYMENT_METHOD_NOT_FOUND(Kind.NOT_FOUND),
  PAYMENT_TOKEN_LOOKS_LIKE_CARD_NUMBER(Kind.INVALID),
  PAYMENT_METHOD_EXPIRED(Kind.INVALID),
  UNKNOWN_TIME_ZONE(Kind.INVALID),
  UNKNOWN_CURRENCY(Kind.INVALID),
  /** A CSV import had bad lines (argument: how many); nothing was imported. */
  MEMBER_IMPORT_INVALID(Kind.INVALID),
  /** Another request added one of the file's addresses while it was being imported; nothing was. */
  MEMBER_IMPORT_RACED(Kind.CONFLICT),
  /** Issue 15: the first admin needs a username with a password, or an e-mail address to be invited. */
  FIRST_ADMIN_INCOMPLETE(Kind.INVALID);

  private final Kind kind;

  TenantReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
