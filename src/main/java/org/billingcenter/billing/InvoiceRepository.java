package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

  private final JdbcClient jdbc;

  InvoiceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The tenant's open invoice for a date, created if needed, locked for adding lines. A finalised
   * invoice never changes (issue 16): once the run has issued that date's invoice, a new one opens.
   */
  UUID lockInvoice(TenantId tenant, LocalDate date, String currency, Instant now) {
    Optional<UUID> existing = findForUpdate(tenant, date);
    if (existing.isPresent()) {
      return existing.get();
    }
    UUID created = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              insert into invoice (tenant_id, invoice_id, invoice_date, currency, total_minor, kind, created_at)
              values (:tenant, :id, :date, :currency, 0, 'INVOICE', :now)
              """)
          .param("tenant", tenant.value())
          .param("id", created)
          .param("date", date)
          .param("currency", currency)
          .param("now", Utc.of(now))
          .update();
      return created; // ours, and locked by the insert until we commit: no second look-up
    } catch (DuplicateKeyException raced) {
      // Another transaction created it first; use theirs.
    }
    return findForUpdate(tenant, date).orElseThrow();
  }

  private Optional<UUID> findForUpdate(TenantId tenant, LocalDate date) {
    return jdbc.sql(
            """
            select invoice_id from invoice
             where tenant_id = :tenant and invoice_date = :date and kind = 'INVOICE' and finalized_at is null
               for update
            """)
        .param("tenant", tenant.value())
        .param("date", date)
        .query(UUID.class)
        .optional();
  }

  /** The subscription's current activation: with the period start, what identifies a period. */
  static final String ACTIVATION =
      """
      select s.activation from subscription s
       where s.tenant_id = :tenant and s.subscription_id = :subscription
      """;

  /** Adds a charge line for one subscription-period; the unique key makes a second one fail. */
  void addCharge(TenantId tenant, UUID invoice, SubscriptionId subscription, PeriodCharge charge) {
    int line =
        jdbc.sql("select coalesce(max(line_no), 0) + 1 from invoice_line where tenant_id = :tenant and invoice_id = :invoice")
            .param("tenant", tenant.value())
            .param("invoice", invoice)
            .query(Integer.class)
            .single();
    BillingPeriod period = charge.period();
    jdbc.sql(
            """
            insert into invoice_line (tenant_id, invoice_id, line_no, kind, subscription_id,
                period_start, period_end, quantity, unit_price_minor, amount_minor, currency,
                charge_period_start, charge_activation, plan_id)
            values (:tenant, :invoice, :line, 'CHARGE', :subscription, :start, :end, :quantity,
                    :unitPrice, :amount, :currency, :start, (""" + ACTIVATION + """
            ), (select s.plan_id from subscription s
                 where s.tenant_id = :tenant and s.subscription_id = :subscription))
            """)
        .param("tenant", tenant.value())
        .param("invoice", invoice)
        .param("line", line)
        .param("subscription", subscription.value())
        .param("start", period.start())
        .param("end", period.endExclusive())
        .param("quantity", charge.quantity())
        .param("unitPrice", charge.unitPrice().minor())
        .param("amount", charge.amount().minor())
        .param("currency", charge.amount().currency().getCurrencyCode())
        .update();
    jdbc.sql(
            """
            update invoice set total_minor = total_minor + :amount
             where tenant_id = :tenant and invoice_id = :invoice
            """)
        .param("amount", charge.amount().minor())
        .param("tenant", tenant.value())
        .param("invoice", invoice)
        .update();
  }

  private static final String INVOICES =
      """
      select invoice_id, invoice_date, kind, total_minor, currency from invoice
       where tenant_id = :tenant order by invoice_date desc, kind, created_at desc, invoice_id
      """;

  List<Invoice> list(TenantId tenant) {
    return jdbc.sql(INVOICES)
        .param("tenant", tenant.value())
        .query((rs, i) -> invoice(tenant, rs, List.of()))
        .list();
  }

  /** Newest first; one invoice and one credit note at most per date, so the order is total. */
  List<Invoice> list(TenantId tenant, PageRequest page) {
    return jdbc.sql(INVOICES + " limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> invoice(tenant, rs, List.of()))
        .list();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from invoice where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  private static final String LINES =
      """
      select invoice_id, line_no, kind, subscription_id, period_start, period_end, quantity,
             unit_price_minor, amount_minor, currency, description
        from invoice_line where tenant_id = :tenant
      """;

  private static final RowMapper<Invoice.Line> LINE =
      (rs, i) -> new Invoice.Line(
          rs.getInt("line_no"),
          rs.getString("kind"),
          rs.getObject("subscription_id", UUID.class),
          rs.getDate("period_start") == null ? null : rs.getDate("period_start").toLocalDate(),
          rs.getDate("period_end") == null ? null : rs.getDate("period_end").toLocalDate(),
          (Integer) rs.getObject("quantity"),
          rs.getObject("unit_price_minor") == null ? null : Money.of(rs.getLong("unit_price_minor"), rs.getString("currency")),
          Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
          rs.getString("description"));

  Optional<Invoice> find(TenantId tenant, UUID id) {
    List<Invoice.Line> lines =
        jdbc.sql(LINES + " and invoice_id = :id order by line_no")
            .param("tenant", tenant.value())
            .param("id", id)
            .query(LINE)
            .list();
    return jdbc.sql(
            "select invoice_id, invoice_date, kind, total_minor, currency from invoice where tenant_id = :tenant and invoice_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> invoice(tenant, rs, lines))
        .optional();
  }

  private static final String REFUNDS =
      """
      select refund_id, invoice_id, credit_id, amount_minor, currency, status from refund
       where tenant_id = :tenant order by created_at desc, refund_id
      """;

  private static final RowMapper<Invoice.RefundView> REFUND =
      (rs, i) -> new Invoice.RefundView(
          rs.getObject("refund_id", UUID.class),
          rs.getObject("invoice_id", UUID.class),
          rs.getObject("credit_id", UUID.class),
          Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
          rs.getString("status"));

  List<Invoice.RefundView> refunds(TenantId tenant) {
    return jdbc.sql(REFUNDS).param("tenant", tenant.value()).query(REFUND).list();
  }

  List<Invoice.RefundView> refunds(TenantId tenant, PageRequest page) {
    return jdbc.sql(REFUNDS + " limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query(REFUND)
        .list();
  }

  long countRefunds(TenantId tenant) {
    return jdbc.sql("select count(*) from refund where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  private static Invoice invoice(TenantId tenant, java.sql.ResultSet rs, List<Invoice.Line> lines)
      throws java.sql.SQLException {
    return new Invoice(
        tenant,
        rs.getObject("invoice_id", UUID.class),
        rs.getDate("invoice_date").toLocalDate(),
        rs.getString("kind"),
        Money.of(rs.getLong("total_minor"), rs.getString("currency")),
        lines);
  }

  /** What was billed for the current activation's period starting {@code periodStart}, if anything. */
  Optional<PeriodCharge> chargeFor(TenantId tenant, SubscriptionId subscription, LocalDate periodStart) {
    return jdbc.sql(
            """
            select period_start, period_end, unit_price_minor, quantity, amount_minor, currency
              from invoice_line
             where tenant_id = :tenant and subscription_id = :subscription
               and charge_period_start = :start and charge_activation = (""" + ACTIVATION + """
            )
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("start", periodStart)
        .query(
            (rs, i) ->
                new PeriodCharge(
                    new BillingPeriod(
                        rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate()),
                    Money.of(rs.getLong("unit_price_minor"), rs.getString("currency")),
                    rs.getInt("quantity"),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency"))))
        .optional();
  }
}
