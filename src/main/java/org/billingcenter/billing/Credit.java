package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * Money owed back to a tenant: PENDING until its billing run ({@code returnOn}), then APPLIED to
 * that invoice, or REFUNDED for what the invoice could not absorb.
 */
public record Credit(
    TenantId tenant,
    UUID id,
    SubscriptionId subscription,
    Money amount,
    Status status,
    LocalDate returnOn,
    Instant createdAt) {

  public enum Status {
    PENDING,
    APPLIED,
    REFUNDED
  }
}
