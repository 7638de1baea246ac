package org.billingcenter.subscription;

import java.time.Instant;
import java.util.Optional;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When a subscription reached its current status: what "expired since" and the lifecycle count from. */
@Repository
class ReactivationRepository {

  private final JdbcClient jdbc;

  ReactivationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Instant> statusChangedAt(TenantId tenant, SubscriptionId id) {
    return jdbc.sql(
            """
            select status_changed_at from subscription
             where tenant_id = :tenant and subscription_id = :subscription
            """)
        .param("tenant", tenant.value())
        .param("subscription", id.value())
        .query((rs, n) -> Utc.read(rs, "status_changed_at"))
        .optional();
  }
}
