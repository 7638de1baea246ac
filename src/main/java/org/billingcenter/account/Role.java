package org.billingcenter.account;

/** What an account may do. The first four act inside one tenant; the last two work across tenants. */
public enum Role {
  GLOBAL_ADMIN,
  BILLING_ADMIN,
  USER_ADMIN,
  READER,
  SUPPORT_ENGINEER,
  OPERATOR;

  public boolean isTenantRole() {
    return this != SUPPORT_ENGINEER && this != OPERATOR;
  }
}
