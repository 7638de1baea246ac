package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What voiding an invoice reads and writes: its row, its pending collection, the credits it absorbed. */
@Repository
class InvoiceVoidRepository {

  /** A credit the invoice absorbed as a negative line: voiding gives it back. */
  record AbsorbedCredit(UUID credit, SubscriptionId subscription, Money amount) {}

  private final JdbcClient jdbc;

  InvoiceVoidRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the invoice row until the void commits. The billing run's collection locks the same rows
   * ({@link BillingRunRepository#unpaid}), so a void and a collection of one invoice never interleave.
   */
  boolean lock(TenantId tenant, UUID invoice) {
    return jdbc.sql("select invoice_id from invoice where tenant_id = :tenant and invoice_id = :invoice for update")
        .param("tenant", tenant.value()).param("invoice", invoice)
        .query(UUID.class).optional().isPresent();
  }

  /** The collection still pending settlement, if any (not withdrawn). */
  java.util.Optional<Money> pendingCollection(TenantId tenant, UUID invoice) {
    return jdbc.sql("""
            select amount_minor, currency from payment
             where tenant_id = :tenant and invoice_id = :invoice
               and status = 'PENDING_SETTLEMENT' and withdrawn_at is null
            """)
        .param("tenant", tenant.value()).param("invoice", invoice)
        .query((rs, i) -> Money.of(rs.getLong(1), rs.getString(2))).optional();
  }

  List<AbsorbedCredit> absorbedCredits(TenantId tenant, UUID invoice) {
    return jdbc.sql("""
            select credit_id, subscription_id, amount_minor, currency from credit
             where tenant_id = :tenant and applied_invoice_id = :invoice and status = 'APPLIED'
             order by created_at, credit_id
            """)
        .param("tenant", tenant.value()).param("invoice", invoice)
        .query((rs, i) -> new AbsorbedCredit(rs.getObject(1, UUID.class),
            new SubscriptionId(rs.getObject(2, UUID.class)), Money.of(rs.getLong(3), rs.getString(4))))
        .list();
  }

  /** False when another void got there first. */
  /** Issue 18: whether a returned credit paid part of it while it was overdue (credit_allocation). */
  boolean creditsAllocated(TenantId tenant, UUID invoice) {
    return jdbc.sql("select count(*) from credit_allocation where tenant_id = :t and invoice_id = :i")
        .param("t", tenant.value()).param("i", invoice).query(Long.class).single() > 0;
  }

  boolean markVoid(TenantId tenant, UUID invoice, Instant now, String actor, String reason) {
    return jdbc.sql("""
            update invoice set voided_at = :now, voided_by = :actor, void_reason = :reason
             where tenant_id = :tenant and invoice_id = :invoice and voided_at is null
            """)
        .param("tenant", tenant.value()).param("invoice", invoice).param("now", Utc.of(now))
        .param("actor", actor).param("reason", reason)
        .update() == 1;
  }

  /** The absorbed credits become pending again, returned on {@code returnOn} like any credit. */
  void returnCredits(TenantId tenant, UUID invoice, LocalDate returnOn) {
    jdbc.sql("""
            update credit set status = 'PENDING', applied_invoice_id = null, finished_at = null, return_on = :returnOn
             where tenant_id = :tenant and applied_invoice_id = :invoice and status = 'APPLIED'
            """)
        .param("tenant", tenant.value()).param("invoice", invoice).param("returnOn", returnOn)
        .update();
  }
}
