package org.billingcenter.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment attempts ({@code payment_attempt}) and the payment row a successful one writes. */
@Repository
class AttemptRepository {

  private static final String COLUMNS = """
      tenant_id, attempt_id, invoice_id, attempt_no, trigger_kind, payment_method_id, amount_minor, currency,
      idempotency_key, status, outcome_code, calls, actor, created_at, finished_at
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final SendQueueRepository queue;

  AttemptRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, SendQueueRepository queue) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.queue = queue;
  }

  void insert(PaymentAttempt a) {
    insertAll(List.of(a));
  }

  /** Many attempts in one JDBC batch (the billing run's first collections). */
  void insertAll(List<PaymentAttempt> all) {
    if (all.isEmpty()) {
      return;
    }
    batch.batchUpdate("insert into payment_attempt (" + COLUMNS + """
            ) values (:tenant, :id, :invoice, :no, :trigger, :method, :amount, :currency, :key, :status, null, 0,
                      :actor, :now, null)
            """,
        all.stream().map(a -> new MapSqlParameterSource()
                .addValue("tenant", a.tenant().value())
                .addValue("id", a.id())
                .addValue("invoice", a.invoice())
                .addValue("no", a.number())
                .addValue("trigger", a.trigger().name())
                .addValue("method", a.method() == null ? null : a.method().value())
                .addValue("amount", a.amount().minor())
                .addValue("currency", a.amount().currency().getCurrencyCode())
                .addValue("key", a.idempotencyKey())
                .addValue("status", a.status().name())
                .addValue("actor", a.actor())
                .addValue("now", Utc.of(a.createdAt())))
            .toArray(MapSqlParameterSource[]::new));
  }

  record InvoiceKey(TenantId tenant, UUID invoice) {}

  /** The attempts of many invoices at once, oldest first per invoice, by invoice id. */
  Map<UUID, List<PaymentAttempt>> ofInvoices(List<InvoiceKey> invoices) {
    if (invoices.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("select " + COLUMNS + """
             from payment_attempt where tenant_id in (:tenants) and invoice_id in (:invoices)
             order by invoice_id, attempt_no
            """)
        .param("tenants", invoices.stream().map(k -> k.tenant().value()).distinct().toList())
        .param("invoices", invoices.stream().map(InvoiceKey::invoice).toList())
        .query(AttemptRepository::attempt).stream()
        .collect(Collectors.groupingBy(PaymentAttempt::invoice, LinkedHashMap::new, Collectors.toList()));
  }

  /** The next attempt's number for the invoice (1 for the first). */
  int nextNumber(TenantId tenant, UUID invoice) {
    return jdbc.sql("select coalesce(max(attempt_no), 0) + 1 from payment_attempt where tenant_id = :t and invoice_id = :i")
        .param("t", tenant.value()).param("i", invoice).query(Integer.class).single();
  }

  Optional<PaymentAttempt> get(TenantId tenant, UUID attempt) {
    return jdbc.sql("select " + COLUMNS + " from payment_attempt where tenant_id = :t and attempt_id = :a")
        .param("t", tenant.value()).param("a", attempt).query(AttemptRepository::attempt).optional();
  }

  /** The invoice's attempts, oldest first. */
  List<PaymentAttempt> ofInvoice(TenantId tenant, UUID invoice) {
    return jdbc.sql("select " + COLUMNS + " from payment_attempt where tenant_id = :t and invoice_id = :i order by attempt_no")
        .param("t", tenant.value()).param("i", invoice).query(AttemptRepository::attempt).list();
  }

  /** Marks it sent, one more call under its key; false when it was finished meanwhile. */
  boolean sending(TenantId tenant, UUID attempt, Instant now) {
    return jdbc.sql("""
            update payment_attempt set status = 'SENT', sent_at = :now, calls = calls + 1
             where tenant_id = :t and attempt_id = :a and status in ('QUEUED', 'SENT')
            """)
        .param("now", Utc.of(now)).param("t", tenant.value()).param("a", attempt).update() == 1;
  }

  /**
   * Up to {@code limit} of the billing run's QUEUED collections, oldest first, marked SENT (one more
   * call) in the caller's transaction; rows another transaction holds are skipped.
   */
  List<PaymentAttempt> claimQueued(int limit, Instant now) {
    SendQueueRepository.Claimed claimed = queue.claim("payment_attempt", "attempt_id",
        "status = 'QUEUED' and trigger_kind = 'INVOICE'", "status = 'SENT', sent_at = :now, calls = calls + 1", limit, now);
    if (claimed.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from payment_attempt where tenant_id in (:tenants) and attempt_id in (:ids) order by created_at")
        .param("tenants", claimed.tenants()).param("ids", claimed.ids()).query(AttemptRepository::attempt).list();
  }

  /** The provider's final answer; false when another node recorded it first. */
  boolean finish(TenantId tenant, UUID attempt, Status status, String code, String reference, int calls, Instant now) {
    return jdbc.sql("""
            update payment_attempt set status = :status, outcome_code = :code, provider_reference = :ref,
                   calls = greatest(calls, :calls), finished_at = :now
             where tenant_id = :t and attempt_id = :a and status in ('QUEUED', 'SENT')
            """)
        .param("status", status.name()).param("code", code).param("ref", reference).param("calls", calls)
        .param("now", Utc.of(now)).param("t", tenant.value()).param("a", attempt).update() == 1;
  }

  /** Every unfinished attempt of a voided invoice is called off. */
  int cancelUnfinished(TenantId tenant, UUID invoice, Instant now) {
    return jdbc.sql("""
            update payment_attempt set status = 'CANCELLED', finished_at = :now
             where tenant_id = :t and invoice_id = :i and status = 'QUEUED'
            """)
        .param("now", Utc.of(now)).param("t", tenant.value()).param("i", invoice).update();
  }

  /**
   * Attempts whose answer is not recorded: queued before {@code queuedBefore} (their sender died
   * before sending) or sent before {@code sentBefore} (every call of theirs is over).
   */
  List<PaymentAttempt> unfinished(Instant queuedBefore, Instant sentBefore, int limit) {
    return jdbc.sql("select " + COLUMNS + """
             from payment_attempt
            where (status = 'QUEUED' and created_at < :queued) or (status = 'SENT' and sent_at < :sent)
            order by created_at limit :limit
            """)
        .param("queued", Utc.of(queuedBefore)).param("sent", Utc.of(sentBefore)).param("limit", limit)
        .query(AttemptRepository::attempt).list();
  }

  /** The invoice's payment: written once, by the attempt that took the money. */
  void insertPayment(PaymentAttempt a, Instant now) {
    jdbc.sql("""
            insert into payment (tenant_id, payment_id, invoice_id, payment_method_id, amount_minor, currency,
                                 status, created_at)
            values (:t, :id, :i, :method, :amount, :currency, 'PENDING_SETTLEMENT', :now)
            """)
        .param("t", a.tenant().value()).param("id", UUID.randomUUID()).param("i", a.invoice())
        .param("method", a.method() == null ? null : a.method().value())
        .param("amount", a.amount().minor()).param("currency", a.amount().currency().getCurrencyCode())
        .param("now", Utc.of(now))
        .update();
  }

  /** The token the provider charges: the method's, removed or not (an attempt names its method). */
  Optional<String> token(TenantId tenant, PaymentMethodId method) {
    return jdbc.sql("select token from payment_method where tenant_id = :t and payment_method_id = :m")
        .param("t", tenant.value()).param("m", method.value()).query(String.class).optional();
  }

  /** The organisation's payment methods not removed: the ones a payment may name. */
  java.util.Set<PaymentMethodId> usableMethods(TenantId tenant) {
    return java.util.Set.copyOf(jdbc.sql("select payment_method_id from payment_method where tenant_id = :t and removed_at is null")
        .param("t", tenant.value()).query((rs, n) -> new PaymentMethodId(rs.getObject(1, UUID.class))).list());
  }

  private static PaymentAttempt attempt(ResultSet rs, int i) throws SQLException {
    UUID method = rs.getObject("payment_method_id", UUID.class);
    return new PaymentAttempt(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("attempt_id", UUID.class),
        rs.getObject("invoice_id", UUID.class),
        rs.getInt("attempt_no"),
        Trigger.valueOf(rs.getString("trigger_kind")),
        method == null ? null : new PaymentMethodId(method),
        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
        rs.getString("idempotency_key"),
        Status.valueOf(rs.getString("status")),
        rs.getString("outcome_code"),
        rs.getInt("calls"),
        rs.getString("actor"),
        Utc.read(rs, "created_at"),
        Utc.read(rs, "finished_at"));
  }
}
