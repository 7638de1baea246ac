package org.billingcenter.account;

import org.billingcenter.shared.Reason;

/** Why a new password was refused by the {@link PasswordPolicy}. */
public enum PasswordReason implements Reason {
  PASSWORD_TOO_SHORT,
  PASSWORD_TOO_LONG,
  PASSWORD_CONTAINS_USERNAME,
  PASSWORD_REPETITIVE,
  PASSWORD_TOO_COMMON;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
