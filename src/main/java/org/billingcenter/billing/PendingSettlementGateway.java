package org.billingcenter.billing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The default gateway: writes payments and refunds as PENDING_SETTLEMENT rows. */
@Component
class PendingSettlementGateway implements PaymentGateway {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  PendingSettlementGateway(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void collect(List<Collection> collections) {
    jdbc.batchUpdate(
        """
        insert into payment (tenant_id, payment_id, invoice_id, payment_method_id, amount_minor,
                             currency, status, created_at)
        values (:tenant, :id, :invoice, :method, :amount, :currency, 'PENDING_SETTLEMENT', :now)
        """,
        collections.stream()
            .map(c -> new MapSqlParameterSource()
                .addValue("tenant", c.tenant().value())
                .addValue("id", UUID.randomUUID())
                .addValue("invoice", c.invoice())
                .addValue("method", c.method() == null ? null : c.method().value())
                .addValue("amount", c.amount().minor())
                .addValue("currency", c.amount().currency().getCurrencyCode())
                .addValue("now", Utc.of(clock.instant())))
            .toArray(MapSqlParameterSource[]::new));
  }

  @Override
  public void refund(List<Refund> refunds) {
    jdbc.batchUpdate(
        """
        insert into refund (tenant_id, refund_id, invoice_id, credit_id, payment_method_id,
                            amount_minor, currency, status, created_at)
        values (:tenant, :id, :invoice, :credit, :method, :amount, :currency, 'PENDING_SETTLEMENT', :now)
        """,
        refunds.stream()
            .map(r -> new MapSqlParameterSource()
                .addValue("tenant", r.tenant().value())
                .addValue("id", UUID.randomUUID())
                .addValue("invoice", r.invoice())
                .addValue("credit", r.credit())
                .addValue("method", r.method() == null ? null : r.method().value())
                .addValue("amount", r.amount().minor())
                .addValue("currency", r.amount().currency().getCurrencyCode())
                .addValue("now", Utc.of(clock.instant())))
            .toArray(MapSqlParameterSource[]::new));
  }

  @Override
  public void withdraw(org.billingcenter.shared.TenantId tenant, UUID invoice) {
    jdbc.update(
        """
        update payment set withdrawn_at = :now
         where tenant_id = :tenant and invoice_id = :invoice
           and status = 'PENDING_SETTLEMENT' and withdrawn_at is null
        """,
        new MapSqlParameterSource()
            .addValue("tenant", tenant.value())
            .addValue("invoice", invoice)
            .addValue("now", Utc.of(clock.instant())));
  }
}
