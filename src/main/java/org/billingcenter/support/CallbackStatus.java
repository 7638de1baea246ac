package org.billingcenter.support;

import java.util.Set;

/** NEW → CLAIMED → COMPLETED, or WITHDRAWN from NEW or CLAIMED. */
public enum CallbackStatus {
  NEW,
  CLAIMED,
  COMPLETED,
  WITHDRAWN;

  static final Set<CallbackStatus> OPEN = Set.of(NEW, CLAIMED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
