package org.billingcenter.cancellation;

/** When a cancellation takes effect. */
public enum CancelWhen {
  /** Access ends now; the unused part of the period comes back as a prorated credit. */
  NOW,
  /** Access and billing end when the current period ends; no credit; undoable until then. */
  END_OF_TERM
}
