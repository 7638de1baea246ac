package org.billingcenter.outbox;

/** PENDING until a try succeeds (DELIVERED) or the retries run out or cannot help (FAILED). */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  FAILED
}
