package org.billingcenter.support;

/** How a worked request ended, beyond "completed": what support did, or that the organisation stayed. */
public enum CallbackOutcome {
  RETAINED,
  LICENSES_REMOVED,
  CANCELLED
}
