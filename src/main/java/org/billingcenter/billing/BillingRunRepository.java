package org.billingcenter.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The billing run's SQL: it claims whole tenants (row locks, SKIP LOCKED, so parallel runs on any
 * number of nodes split the work), reads their due rows, and writes in JDBC batches.
 */
@Repository
class BillingRunRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  BillingRunRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Organisations without a billing day whose subscriptions have an anchor (a paid period series:
   * trials the lifecycle converted, or data from before the billing day) take the day of month of
   * their earliest anchor. Set-based, so it costs one statement however many trials converted.
   */
  int fillBillingDays() {
    return jdbc.sql(
            """
            update tenant t
               set billing_day = (select extract(day from min(s.anchor_date)) from subscription s
                                   where s.tenant_id = t.tenant_id and s.anchor_date is not null)
             where t.billing_day is null
               and exists (select 1 from subscription s where s.tenant_id = t.tenant_id and s.anchor_date is not null)
            """)
        .update();
  }

  /**
   * The next tenants after {@code after} with something due on {@code day}, locked for this
   * transaction; tenants another run holds are skipped (that run bills them).
   */
  List<TenantId> lockDueTenants(LocalDate day, UUID after, int limit) {
    return jdbc.sql("select t.tenant_id from tenant t where t.tenant_id > :after and " + DUE
            + " order by t.tenant_id fetch first :limit rows only for update skip locked")
        .param("after", after)
        .param("day", day)
        .param("limit", limit)
        .query((rs, i) -> new TenantId(rs.getObject(1, UUID.class)))
        .list();
  }

  /**
   * Issue 17: how many tenants have something due on {@code day}, for a run's progress. One
   * read-only count at the start of a run, without locks.
   */
  int countDueTenants(LocalDate day) {
    return jdbc.sql("select count(*) from tenant t where " + DUE).param("day", day).query(Integer.class).single();
  }

  /** A tenant {@code t} has something to bill on {@code :day}. */
  private static final String DUE =
      """
      (exists (select 1 from subscription s
                where s.tenant_id = t.tenant_id and s.status = 'ACTIVE'
                  and s.current_period_start <= :day
                  and ((s.current_period_end <= :day and s.auto_renew and s.scheduled_cancel_on is null)
                       or not exists (select 1 from invoice_line l
                                       where l.tenant_id = s.tenant_id
                                         and l.subscription_id = s.subscription_id
                                         and l.charge_activation = s.activation
                                         and l.charge_period_start = s.current_period_start)))
       or exists (select 1 from credit c
                   where c.tenant_id = t.tenant_id and c.status = 'PENDING' and c.return_on <= :day)
       or exists (select 1 from prorated_amount p
                   where p.tenant_id = t.tenant_id and p.status = 'PENDING' and p.due_on <= :day)
       -- The draft invoice of a purchase is issued (numbered, collected) by the run of its own day.
       or exists (select 1 from invoice i
                   where i.tenant_id = t.tenant_id and i.finalized_at is null and i.invoice_date <= :day))
      """;

  record DueRow(
      TenantId tenant,
      SubscriptionId subscription,
      int activation,
      String planId,
      int quantity,
      LocalDate anchor,
      BillingPeriod current,
      boolean renews,
      boolean currentCharged,
      PaymentMethodId paymentMethod,
      LocalDate pricedOn) {}

  List<DueRow> dueSubscriptions(Collection<TenantId> tenants, LocalDate day) {
    return jdbc.sql(
            """
            select s.tenant_id, s.subscription_id, s.activation, s.plan_id, s.quantity, s.anchor_date, s.priced_on,
                   s.current_period_start, s.current_period_end, s.payment_method_id,
                   (s.auto_renew and s.scheduled_cancel_on is null) as renews,
                   exists (select 1 from invoice_line l
                            where l.tenant_id = s.tenant_id and l.subscription_id = s.subscription_id
                              and l.charge_activation = s.activation
                              and l.charge_period_start = s.current_period_start) as charged
              from subscription s
             where s.tenant_id in (:tenants) and s.status = 'ACTIVE'
               and s.current_period_start <= :day
             order by s.tenant_id, s.subscription_id
            """)
        .param("tenants", ids(tenants))
        .param("day", day)
        .query(BillingRunRepository::dueRow)
        .list();
  }

  private static DueRow dueRow(ResultSet rs, int i) throws SQLException {
    UUID method = rs.getObject("payment_method_id", UUID.class);
    return new DueRow(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
        rs.getInt("activation"),
        rs.getString("plan_id"),
        rs.getInt("quantity"),
        rs.getDate("anchor_date").toLocalDate(),
        new BillingPeriod(rs.getDate("current_period_start").toLocalDate(), rs.getDate("current_period_end").toLocalDate()),
        rs.getBoolean("renews"),
        rs.getBoolean("charged"),
        method == null ? null : new PaymentMethodId(method),
        rs.getObject("priced_on", LocalDate.class));
  }

  /**
   * An open invoice already in the database: where its next line goes and its running total. Only
   * open ones: a finalised invoice never takes another line (issue 16), the book opens a new one.
   */
  record InvoiceRow(TenantId tenant, UUID id, LocalDate date, String kind, int lastLine, long totalMinor) {}

  List<InvoiceRow> invoices(Collection<TenantId> tenants, Collection<LocalDate> dates) {
    if (dates.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select i.tenant_id, i.invoice_id, i.invoice_date, i.kind, i.total_minor,
                   (select coalesce(max(l.line_no), 0) from invoice_line l
                     where l.tenant_id = i.tenant_id and l.invoice_id = i.invoice_id) as last_line
              from invoice i
             where i.tenant_id in (:tenants) and i.invoice_date in (:dates) and i.finalized_at is null
            """)
        .param("tenants", ids(tenants))
        .param("dates", List.copyOf(dates))
        .query((rs, i) -> new InvoiceRow(
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            rs.getObject("invoice_id", UUID.class),
            rs.getDate("invoice_date").toLocalDate(),
            rs.getString("kind"),
            rs.getInt("last_line"),
            rs.getLong("total_minor")))
        .list();
  }

  /** {@code forChange}: a change's prorated credit (its line says PRORATED_CREDIT). */
  /** A credit due; {@code terms} (a change's credit only) are the period's terms after that change. */
  record CreditRow(
      TenantId tenant, UUID id, SubscriptionId subscription, Money amount, LocalDate returnOn, PeriodCharge terms) {
    boolean forChange() {
      return terms != null;
    }
  }

  List<CreditRow> dueCredits(Collection<TenantId> tenants, LocalDate day) {
    return jdbc.sql(
            """
            select c.tenant_id, c.credit_id, c.subscription_id, c.amount_minor, c.currency, c.return_on,
                   p.period_start, p.period_end, p.quantity_after, p.unit_price_after_minor
              from credit c
              left join prorated_amount p on p.tenant_id = c.tenant_id and p.credit_id = c.credit_id
             where c.tenant_id in (:tenants) and c.status = 'PENDING' and c.return_on <= :day
             order by c.tenant_id, c.return_on, c.created_at, c.credit_id
            """)
        .param("tenants", ids(tenants))
        .param("day", day)
        .query((rs, i) -> {
          Money amount = Money.of(rs.getLong("amount_minor"), rs.getString("currency"));
          java.sql.Date start = rs.getDate("period_start");
          PeriodCharge terms = start == null ? null : new PeriodCharge(
              new org.billingcenter.shared.BillingPeriod(start.toLocalDate(), rs.getDate("period_end").toLocalDate()),
              Money.of(rs.getLong("unit_price_after_minor"), rs.getString("currency")),
              rs.getInt("quantity_after"), amount);
          return new CreditRow(
              new TenantId(rs.getObject("tenant_id", UUID.class)),
              rs.getObject("credit_id", UUID.class),
              new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
              amount,
              rs.getDate("return_on").toLocalDate(),
              terms);
        })
        .list();
  }

  // ---- batched writes -------------------------------------------------------------------------

  record NewInvoice(TenantId tenant, UUID id, LocalDate date, String kind, String currency) {}

  /**
   * {@code activation} is set on CHARGE lines: with the period start, it names the period charged.
   * {@code description} tells prorated lines apart (PRORATED_CHARGE, PRORATED_CREDIT). {@code planId}:
   * the plan a renewal charged (null: the subscription's plan when the line is written).
   */
  record Line(
      TenantId tenant, UUID invoice, int lineNo, String kind, SubscriptionId subscription,
      PeriodCharge charge, Money amount, UUID credit, Integer activation, String description, String planId) {}

  record Total(TenantId tenant, UUID invoice, long deltaMinor) {}

  /** The subscription after its renewals: period, anchor, quantity, plan and the day it was priced (changes applied). */
  record Advance(
      TenantId tenant, SubscriptionId subscription, BillingPeriod period, LocalDate anchor, int quantity, String planId,
      LocalDate pricedOn) {}

  record CreditDone(TenantId tenant, UUID credit, String status, UUID invoice) {}

  void insertInvoices(List<NewInvoice> invoices, Instant now) {
    batch.batchUpdate(
        """
        insert into invoice (tenant_id, invoice_id, invoice_date, currency, total_minor, kind, created_at)
        values (:tenant, :id, :date, :currency, 0, :kind, :now)
        """,
        invoices.stream().map(i -> new MapSqlParameterSource()
            .addValue("tenant", i.tenant().value())
            .addValue("id", i.id())
            .addValue("date", i.date())
            .addValue("currency", i.currency())
            .addValue("kind", i.kind())
            .addValue("now", Utc.of(now))).toArray(MapSqlParameterSource[]::new));
  }

  void insertLines(List<Line> lines) {
    batch.batchUpdate(
        """
        insert into invoice_line (tenant_id, invoice_id, line_no, kind, subscription_id, period_start,
            period_end, quantity, unit_price_minor, amount_minor, currency, credit_id, charge_period_start,
            charge_activation, description, plan_id)
        values (:tenant, :invoice, :line, :kind, :subscription, :start, :end, :quantity, :unitPrice,
                :amount, :currency, :credit, :chargeStart, :chargeActivation, :description,
                coalesce(:plan, (select s.plan_id from subscription s
                                  where s.tenant_id = :tenant and s.subscription_id = :subscription)))
        """,
        lines.stream().map(l -> {
          PeriodCharge c = l.charge();
          return new MapSqlParameterSource()
              .addValue("tenant", l.tenant().value())
              .addValue("invoice", l.invoice())
              .addValue("line", l.lineNo())
              .addValue("kind", l.kind())
              .addValue("subscription", l.subscription() == null ? null : l.subscription().value())
              .addValue("start", c == null ? null : c.period().start())
              .addValue("end", c == null ? null : c.period().endExclusive())
              .addValue("quantity", c == null ? null : c.quantity())
              .addValue("unitPrice", c == null ? null : c.unitPrice().minor())
              .addValue("amount", l.amount().minor())
              .addValue("currency", l.amount().currency().getCurrencyCode())
              .addValue("credit", l.credit())
              .addValue("chargeStart", "CHARGE".equals(l.kind()) ? c.period().start() : null)
              .addValue("chargeActivation", "CHARGE".equals(l.kind()) ? l.activation() : null, java.sql.Types.INTEGER)
              .addValue("description", l.description(), java.sql.Types.VARCHAR)
              .addValue("plan", l.planId(), java.sql.Types.VARCHAR);
        }).toArray(MapSqlParameterSource[]::new));
  }

  void addToTotals(List<Total> totals) {
    batch.batchUpdate(
        "update invoice set total_minor = total_minor + :delta where tenant_id = :tenant and invoice_id = :invoice",
        totals.stream().map(t -> new MapSqlParameterSource()
            .addValue("tenant", t.tenant().value())
            .addValue("invoice", t.invoice())
            .addValue("delta", t.deltaMinor())).toArray(MapSqlParameterSource[]::new));
  }

  void advance(List<Advance> advances) {
    batch.batchUpdate(
        """
        update subscription set current_period_start = :start, current_period_end = :end,
               anchor_date = :anchor, quantity = :quantity, plan_id = :plan, priced_on = :pricedOn
         where tenant_id = :tenant and subscription_id = :subscription
        """,
        advances.stream().map(a -> new MapSqlParameterSource()
            .addValue("pricedOn", a.pricedOn(), java.sql.Types.DATE)
            .addValue("tenant", a.tenant().value())
            .addValue("subscription", a.subscription().value())
            .addValue("anchor", a.anchor())
            .addValue("quantity", a.quantity())
            .addValue("plan", a.planId())
            .addValue("start", a.period().start())
            .addValue("end", a.period().endExclusive())).toArray(MapSqlParameterSource[]::new));
  }

  /** {@code now} stamps them: the batch's credit.applied and refund.created events select those. */
  void finishCredits(List<CreditDone> credits, Instant now) {
    batch.batchUpdate(
        """
        update credit set status = :status, applied_invoice_id = :invoice, finished_at = :now
         where tenant_id = :tenant and credit_id = :credit and status = 'PENDING'
        """,
        credits.stream().map(c -> new MapSqlParameterSource()
            .addValue("tenant", c.tenant().value())
            .addValue("credit", c.credit())
            .addValue("status", c.status())
            .addValue("invoice", c.invoice())
            .addValue("now", Utc.of(now))).toArray(MapSqlParameterSource[]::new));
  }

  /**
   * Invoices up to {@code day} with something to collect, no collection yet and not void; locked, so
   * an operator's void of one of them waits for this batch (or this batch for the void, and then
   * PostgreSQL re-checks {@code voided_at} on the locked row and leaves it out).
   */
  record Unpaid(TenantId tenant, UUID invoice, Money total) {}

  List<Unpaid> unpaid(Collection<TenantId> tenants, LocalDate day) {
    return jdbc.sql(
            """
            select i.tenant_id, i.invoice_id, i.total_minor, i.currency from invoice i
             where i.tenant_id in (:tenants) and i.kind = 'INVOICE' and i.invoice_date <= :day
               and i.total_minor > 0
               and i.voided_at is null
               and not exists (select 1 from payment p where p.tenant_id = i.tenant_id and p.invoice_id = i.invoice_id)
               and not exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                                 and a.status <> 'QUEUED')
             for update
            """)
        .param("tenants", ids(tenants))
        .param("day", day)
        .query((rs, i) -> new Unpaid(
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            rs.getObject("invoice_id", UUID.class),
            Money.of(rs.getLong("total_minor"), rs.getString("currency"))))
        .list();
  }

  /**
   * Each tenant's default payment method (issue 18: the one it chose, else its newest not removed),
   * to collect and refund with; as {@code TenantService.defaultPaymentMethod}, for a batch at once.
   */
  Map<TenantId, PaymentMethodId> latestPaymentMethods(Collection<TenantId> tenants) {
    Map<TenantId, PaymentMethodId> methods = new HashMap<>();
    jdbc.sql(
            """
            select t.tenant_id, coalesce(
              (select p.payment_method_id from payment_method p
                where p.tenant_id = t.tenant_id and p.payment_method_id = t.default_payment_method_id
                  and p.removed_at is null),
              (select p.payment_method_id from payment_method p where p.tenant_id = t.tenant_id and p.removed_at is null
                order by p.created_at desc, p.payment_method_id desc limit 1)) as method
              from tenant t
             where t.tenant_id in (:tenants)
            """)
        .param("tenants", ids(tenants))
        .query((rs, i) -> {
          UUID method = rs.getObject(2, UUID.class);
          return method == null ? null
              : methods.put(new TenantId(rs.getObject(1, UUID.class)), new PaymentMethodId(method));
        })
        .list();
    return methods;
  }

  private static List<UUID> ids(Collection<TenantId> tenants) {
    return tenants.stream().map(TenantId::value).toList();
  }
}
