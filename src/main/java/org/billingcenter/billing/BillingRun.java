package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One billing run on one node, as its history records it: the day it billed, who started it, its
 * progress ({@code tenantsBilled} of {@code tenantsDue}, counted when it started), what it did and
 * the money it moved per currency, and why it stopped when it failed ({@code failedStep}: LIFECYCLE
 * or BILLING; {@code failure}: the technical cause, as logged).
 */
public record BillingRun(
    UUID id,
    LocalDate day,
    String node,
    String startedBy,
    Status status,
    Instant startedAt,
    Instant updatedAt,
    @Nullable Instant finishedAt,
    @Nullable Integer tenantsDue,
    int batchesDone,
    int tenantsBilled,
    int subscriptionsBilled,
    int invoices,
    int charges,
    int creditsReturned,
    int refunds,
    int collections,
    @Nullable String failedStep,
    @Nullable String failure,
    List<Total> totals) {

  /** RUNNING until it ends: SUCCEEDED, or FAILED with its reason. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** The money a run moved in one currency: charged, credits returned (positive) and refunded. */
  public record Total(Money charged, Money credited, Money refunded) {}

  /**
   * How far it got, 0–100: a finished run is 100 (other nodes may have billed some of the tenants it
   * counted); a running one never shows 100 before its last batch commits.
   */
  public int percentDone() {
    if (status != Status.RUNNING) {
      return 100;
    }
    if (tenantsDue == null || tenantsDue == 0) {
      return 0;
    }
    return (int) Math.min(99, (long) tenantsBilled * 100 / tenantsDue);
  }

  BillingRun withTotals(List<Total> list) {
    return new BillingRun(id, day, node, startedBy, status, startedAt, updatedAt, finishedAt, tenantsDue, batchesDone,
        tenantsBilled, subscriptionsBilled, invoices, charges, creditsReturned, refunds, collections, failedStep, failure,
        List.copyOf(list));
  }
}
