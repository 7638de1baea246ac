package org.billingcenter.audit;

import org.billingcenter.shared.Reason;

/** Why an audit search was refused ({@code error.<code>} in the bundles). */
public enum AuditReason implements Reason {
  /** An unreadable organisation id, actor, action or date, or a start after the end. */
  AUDIT_FILTER_INVALID;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
