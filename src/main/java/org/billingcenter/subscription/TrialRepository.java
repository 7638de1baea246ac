package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trial's own columns: the admin's conversion quantity and whether it was extended. */
@Repository
class TrialRepository {

  /** Null quantity: none chosen; null extension: not extended yet. */
  record TrialColumns(Integer conversionQuantity, Instant extendedAt) {

    static final TrialColumns NONE = new TrialColumns(null, null);
  }

  private final JdbcClient jdbc;

  TrialRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The columns of those of {@code ids} that exist; one query for a page of a list. */
  Map<SubscriptionId, TrialColumns> find(TenantId tenant, List<SubscriptionId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql(
            """
            select subscription_id, conversion_quantity, trial_extended_at from subscription
             where tenant_id = :tenant and subscription_id in (:ids)
            """)
        .param("tenant", tenant.value())
        .param("ids", ids.stream().map(SubscriptionId::value).toList())
        .query((rs, i) -> Map.entry(
            new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
            new TrialColumns(rs.getObject("conversion_quantity", Integer.class), Utc.read(rs, "trial_extended_at"))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  TrialColumns find(TenantId tenant, SubscriptionId id) {
    return find(tenant, List.of(id)).getOrDefault(id, TrialColumns.NONE);
  }

  void setConversionQuantity(TenantId tenant, SubscriptionId id, Integer quantity) {
    jdbc.sql("update subscription set conversion_quantity = :quantity where tenant_id = :tenant and subscription_id = :id")
        .param("tenant", tenant.value())
        .param("id", id.value())
        .param("quantity", quantity)
        .update();
  }

  /** The trial's one extension: a new end, and the time it was taken. */
  void extend(TenantId tenant, SubscriptionId id, LocalDate newEnd, Instant at) {
    jdbc.sql(
            """
            update subscription set trial_end = :newEnd, trial_extended_at = :at
             where tenant_id = :tenant and subscription_id = :id and status = 'TRIAL'
            """)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .param("newEnd", newEnd)
        .param("at", Utc.of(at))
        .update();
  }
}
