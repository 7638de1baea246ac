package org.billingcenter.billing;

import org.billingcenter.shared.Reason;

/** Why a billing request was refused. */
public enum BillingReason implements Reason {
  INVOICE_NOT_FOUND(Kind.NOT_FOUND);

  private final Kind kind;

  BillingReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
