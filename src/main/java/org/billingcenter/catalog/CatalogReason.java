package org.billingcenter.catalog;

import org.billingcenter.shared.Reason;

/** Why a catalog command was refused. */
public enum CatalogReason implements Reason {
  PLAN_NOT_FOUND(Kind.NOT_FOUND),
  PLAN_EXISTS(Kind.CONFLICT),
  PLAN_OUT_OF_RANGE(Kind.INVALID),
  PLAN_RETIRED(Kind.CONFLICT),
  PLAN_ALREADY_RETIRED(Kind.CONFLICT),
  PLAN_NOT_RETIRED(Kind.CONFLICT),
  PRICE_CHANGE_TOO_SOON(Kind.INVALID),
  PRICE_CHANGE_TOO_FAR(Kind.INVALID),
  PRICE_CHANGE_EXISTS(Kind.CONFLICT),
  PRICE_OUT_OF_RANGE(Kind.INVALID);

  private final Kind kind;

  CatalogReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
