package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.billingcenter.subscription.ProratedAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The prorated amounts of quantity and plan changes, keyed by change and direction. */
@Repository
class ProratedRepository {

  private final JdbcClient jdbc;

  ProratedRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Books one amount of a change in the subscription's current activation; false when this change
   * and direction were booked before (a replayed event), which then changes nothing.
   */
  boolean insert(TenantId tenant, SubscriptionId subscription, UUID changeId, ProratedAmount amount,
      String status, UUID credit, Instant now) {
    return jdbc.sql(
                """
                insert into prorated_amount (tenant_id, change_id, direction, subscription_id, activation,
                    period_start, period_end, amount_minor, currency, due_on, quantity_after,
                    unit_price_after_minor, status, credit_id, created_at)
                values (:tenant, :change, :direction, :subscription, (""" + InvoiceRepository.ACTIVATION + """
                ), :start, :end, :amount, :currency, :dueOn, :quantity, :unitPrice, :status, :credit, :now)
                on conflict do nothing
                """)
            .param("tenant", tenant.value())
            .param("change", changeId)
            .param("direction", amount.direction().name())
            .param("subscription", subscription.value())
            .param("start", amount.period().start())
            .param("end", amount.period().endExclusive())
            .param("amount", amount.amount().minor())
            .param("currency", amount.amount().currency().getCurrencyCode())
            .param("dueOn", amount.on())
            .param("quantity", amount.quantityAfter())
            .param("unitPrice", amount.unitPriceAfter().minor())
            .param("status", status)
            .param("credit", credit)
            .param("now", Utc.of(now))
            .update()
        == 1;
  }

  /** A period's changes in the order they were made. */
  record PeriodChange(String direction, Money amount, int quantityAfter, Money unitPriceAfter) {}

  List<PeriodChange> forPeriod(TenantId tenant, SubscriptionId subscription, LocalDate periodStart) {
    return jdbc.sql(
            """
            select direction, amount_minor, currency, quantity_after, unit_price_after_minor
              from prorated_amount
             where tenant_id = :tenant and subscription_id = :subscription and period_start = :start
               and activation = (""" + InvoiceRepository.ACTIVATION + """
            )
             order by seq
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("start", periodStart)
        .query((rs, i) -> new PeriodChange(
            rs.getString("direction"),
            Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
            rs.getInt("quantity_after"),
            Money.of(rs.getLong("unit_price_after_minor"), rs.getString("currency"))))
        .list();
  }
}
