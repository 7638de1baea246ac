package org.billingcenter.account;

import org.billingcenter.shared.TenantId;

/**
 * Published (in the changing transaction) when what an account may do changed: its roles, or it
 * was removed or suspended. Whoever keeps that account's sign-ins (web sessions) ends them once the
 * change commits, so the person signs in again with what he now may do.
 */
public record AccountAccessChanged(TenantId tenant, String username, Why why) {

  public enum Why {
    ROLES_CHANGED,
    REMOVED,
    PASSWORD_CHANGED
  }
}
