package org.billingcenter.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.licensing.QuantityChangeSnapshot.PastChange;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per quantity change: who, when, from, to, and the money it moved. */
@Repository
class QuantityChangeRepository {

  private final JdbcClient jdbc;

  QuantityChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      TenantId tenant,
      UUID id,
      BillingPeriod period,
      QuantityChangePreview preview,
      String actor,
      Instant at) {}

  void insert(Row row) {
    QuantityChangePreview p = row.preview();
    jdbc.sql(
            """
            insert into license_quantity_change (tenant_id, change_id, subscription_id, quantity_from,
                quantity_to, change_when, effective_on, period_start, direction, amount_minor, currency,
                charged_on, actor, created_at)
            values (:tenant, :id, :subscription, :from, :to, :when, :effectiveOn, :periodStart,
                    :direction, :amount, :currency, :chargedOn, :actor, :at)
            """)
        .param("tenant", row.tenant().value())
        .param("id", row.id())
        .param("subscription", p.subscription().value())
        .param("from", p.quantityBefore())
        .param("to", p.quantityAfter())
        .param("when", p.when().name())
        .param("effectiveOn", p.effectiveOn())
        .param("periodStart", row.period().start())
        .param("direction", p.direction().name())
        .param("amount", p.amount().minor())
        .param("currency", p.amount().currency().getCurrencyCode())
        .param("chargedOn", p.chargedOn())
        .param("actor", row.actor())
        .param("at", Utc.of(row.at()))
        .update();
  }

  /** The immediate changes made in {@code period}, oldest first: the reduction window's input. */
  List<PastChange> changesNow(TenantId tenant, SubscriptionId subscription, BillingPeriod period) {
    return jdbc.sql(
            """
            select effective_on, quantity_to - quantity_from as delta from license_quantity_change
             where tenant_id = :tenant and subscription_id = :subscription and change_when = 'NOW'
               and period_start = :periodStart
             order by seq
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("periodStart", period.start())
        .query((rs, i) -> new PastChange(rs.getObject("effective_on", LocalDate.class), rs.getInt("delta")))
        .list();
  }
}
