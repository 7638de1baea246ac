package org.billingcenter.organisation;

import java.time.Instant;
import java.util.List;
import org.billingcenter.shared.Money;
import org.billingcenter.tenant.Tenant;
import org.jspecify.annotations.Nullable;

/**
 * An organisation as the operator sees it: its facts, how many live (trial or active) subscriptions
 * it has, its monthly recurring revenue per currency ({@link Mrr}), and its suspension if any.
 */
public record Organisation(Tenant tenant, Instant createdAt, long subscriptions, List<Money> mrr,
    @Nullable Suspension suspension) {

  public Organisation {
    mrr = List.copyOf(mrr);
  }

  public enum Status { ACTIVE, SUSPENDED }

  /** Since when, by whom and why the organisation is suspended. */
  public record Suspension(Instant at, String by, String reason) {}

  public Status status() {
    return suspension == null ? Status.ACTIVE : Status.SUSPENDED;
  }
}
