package org.billingcenter.outbox;

/** How a delivery reaches its target. */
public enum Channel {
  /** Target: a webhook endpoint's id. */
  WEBHOOK,
  /** Target: an e-mail address. */
  EMAIL
}
