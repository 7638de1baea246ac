package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A change of quantity or plan that takes effect at a renewal ({@code effectiveOn}, the start of
 * the period it applies to). PENDING until the billing run of that date applies it; an admin may
 * withdraw it before; it is voided when the subscription stops renewing (recurring billing off,
 * cancelled, expired). A QUANTITY change carries {@code quantity}, a PLAN change {@code planId}.
 */
public record ScheduledChange(
    TenantId tenant,
    UUID id,
    SubscriptionId subscription,
    Kind kind,
    Integer quantity,
    String planId,
    LocalDate effectiveOn,
    Status status,
    String createdBy,
    Instant createdAt) {

  public enum Kind {
    QUANTITY,
    /** Another plan, of the same product or not; also a billing-frequency change. */
    PLAN
  }

  public enum Status {
    PENDING,
    APPLIED,
    WITHDRAWN,
    VOIDED
  }

  /** How the audit trail and logs name it: "QUANTITY 5 on 2026-04-10". */
  String describe() {
    return kind + " " + (kind == Kind.QUANTITY ? quantity : planId) + " on " + effectiveOn;
  }

  ScheduledChange withStatus(Status next) {
    return new ScheduledChange(tenant, id, subscription, kind, quantity, planId, effectiveOn, next, createdBy, createdAt);
  }
}
