package org.billingcenter.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refunds ({@code refund}) on their way to the provider: written pending settlement by the
 * billing run, then SETTLED or FAILED by the provider's answer.
 */
@Repository
class RefundRepository {

  private static final String COLUMNS = """
      tenant_id, refund_id, invoice_id, credit_id, payment_method_id, amount_minor, currency, idempotency_key, sent_at
      """;

  private final JdbcClient jdbc;
  private final SendQueueRepository queue;

  RefundRepository(JdbcClient jdbc, SendQueueRepository queue) {
    this.jdbc = jdbc;
    this.queue = queue;
  }

  void insert(PendingRefund r, Instant now) {
    jdbc.sql("""
            insert into refund (tenant_id, refund_id, invoice_id, credit_id, payment_method_id, amount_minor, currency,
                                idempotency_key, status, created_at)
            values (:tenant, :id, :invoice, :credit, :method, :amount, :currency, :key, 'PENDING_SETTLEMENT', :now)
            """)
        .param("tenant", r.tenant().value())
        .param("id", r.id())
        .param("invoice", r.invoice())
        .param("credit", r.credit())
        .param("method", r.method() == null ? null : r.method().value())
        .param("amount", r.amount().minor())
        .param("currency", r.amount().currency().getCurrencyCode())
        .param("key", r.idempotencyKey())
        .param("now", Utc.of(now))
        .update();
  }

  /** Marks it sent, one more call under its key; false when it was answered meanwhile. */
  boolean sending(TenantId tenant, UUID refund, Instant now) {
    return jdbc.sql("""
            update refund set sent_at = :now, calls = calls + 1
             where tenant_id = :t and refund_id = :r and status = 'PENDING_SETTLEMENT'
            """)
        .param("now", Utc.of(now)).param("t", tenant.value()).param("r", refund).update() == 1;
  }

  /**
   * Up to {@code limit} refunds never sent, oldest first, marked sent (one more call) in the
   * caller's transaction; rows another transaction holds are skipped.
   */
  List<PendingRefund> claimUnsent(int limit, Instant now) {
    SendQueueRepository.Claimed claimed = queue.claim("refund", "refund_id",
        "status = 'PENDING_SETTLEMENT' and sent_at is null", "sent_at = :now, calls = calls + 1", limit, now);
    if (claimed.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from refund where tenant_id in (:tenants) and refund_id in (:ids) order by created_at")
        .param("tenants", claimed.tenants()).param("ids", claimed.ids()).query(RefundRepository::refund).list();
  }

  /** The provider's final answer; false when another node recorded it first. */
  boolean finish(TenantId tenant, UUID refund, boolean settled, String code, String reference, int calls, Instant now) {
    return jdbc.sql("""
            update refund set status = :status, outcome_code = :code, provider_reference = :ref,
                   calls = greatest(calls, :calls), finished_at = :now
             where tenant_id = :t and refund_id = :r and status = 'PENDING_SETTLEMENT'
            """)
        .param("status", settled ? "SETTLED" : "FAILED").param("code", code).param("ref", reference)
        .param("calls", calls).param("now", Utc.of(now)).param("t", tenant.value()).param("r", refund)
        .update() == 1;
  }

  /**
   * Refunds the provider has not answered: never sent and written before {@code unsentBefore} (their
   * sender died first), or last sent before {@code sentBefore} (every call of theirs is over).
   */
  List<PendingRefund> unanswered(Instant unsentBefore, Instant sentBefore, int limit) {
    return jdbc.sql("select " + COLUMNS + """
             from refund
            where status = 'PENDING_SETTLEMENT'
              and ((sent_at is null and created_at < :unsent) or sent_at < :sent)
            order by created_at limit :limit
            """)
        .param("unsent", Utc.of(unsentBefore)).param("sent", Utc.of(sentBefore)).param("limit", limit)
        .query(RefundRepository::refund).list();
  }

  private static PendingRefund refund(ResultSet rs, int i) throws SQLException {
    UUID method = rs.getObject("payment_method_id", UUID.class);
    return new PendingRefund(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("refund_id", UUID.class),
        rs.getObject("invoice_id", UUID.class),
        rs.getObject("credit_id", UUID.class),
        method == null ? null : new PaymentMethodId(method),
        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
        rs.getString("idempotency_key"),
        Utc.read(rs, "sent_at"));
  }
}
