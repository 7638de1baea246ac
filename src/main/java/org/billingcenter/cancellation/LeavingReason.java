package org.billingcenter.cancellation;

/** The survey answer: why the organisation is leaving. */
public enum LeavingReason {
  TOO_EXPENSIVE,
  MISSING_FEATURES,
  SWITCHED_SERVICE,
  TOO_COMPLEX,
  UNUSED,
  OTHER
}
