package org.billingcenter.licensing;

import org.billingcenter.shared.Reason;

/** Why a seat change was refused. */
public enum LicensingReason implements Reason {
  NOT_ENOUGH_SEATS(Kind.CONFLICT),
  MEMBER_NOT_IN_TENANT(Kind.INVALID),
  SUBSCRIPTION_NOT_LIVE(Kind.CONFLICT),
  NO_MEMBERS_GIVEN(Kind.INVALID),
  MEMBER_HAS_NO_LICENSE(Kind.INVALID),
  NO_MATCHING_MEMBERS(Kind.INVALID),
  SEARCH_TOO_LONG(Kind.INVALID);

  private final Kind kind;

  LicensingReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
