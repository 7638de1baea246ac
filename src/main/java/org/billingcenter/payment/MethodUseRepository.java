package org.billingcenter.payment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue 18: which subscriptions pay with a payment method, read from the subscription table. Every
 * subscription not DELETED counts: an expired or disabled one is charged again when reactivated.
 */
@Repository
class MethodUseRepository {

  private final JdbcClient jdbc;

  MethodUseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many subscriptions pay with each of {@code methods} (absent: none). */
  Map<PaymentMethodId, Long> subscriptionsUsing(TenantId tenant, Collection<PaymentMethodId> methods) {
    Map<PaymentMethodId, Long> counts = new HashMap<>();
    if (methods.isEmpty()) {
      return counts;
    }
    List<UUID> ids = methods.stream().map(PaymentMethodId::value).toList();
    jdbc.sql("""
            select payment_method_id, count(*) as n from subscription
             where tenant_id = :tenant and payment_method_id in (:ids) and status <> 'DELETED'
             group by payment_method_id
            """)
        .param("tenant", tenant.value())
        .param("ids", ids)
        .query(rs -> {
          counts.put(new PaymentMethodId(rs.getObject("payment_method_id", UUID.class)), rs.getLong("n"));
        });
    return counts;
  }

  long subscriptionsUsing(TenantId tenant, PaymentMethodId method) {
    return subscriptionsUsing(tenant, List.of(method)).getOrDefault(method, 0L);
  }
}
