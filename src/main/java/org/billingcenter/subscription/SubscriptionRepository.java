package org.billingcenter.subscription;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

  private static final String COLUMNS =
      """
      s.subscription_id, s.plan_id, s.quantity, s.status, s.auto_renew, s.anchor_date,
      s.current_period_start, s.current_period_end, s.trial_end, s.payment_method_id,
      s.created_at, s.cancelled_at, s.scheduled_cancel_on
      """;

  /**
   * The summary reads the seat count straight from license_assignment: a read-model join, so the
   * licensing module (which writes seats and depends on this one) needs no reverse dependency.
   */
  private static final String SUMMARY =
      "select "
          + COLUMNS
          + """
          , pr.name as product_name,
            (select count(*) from license_assignment a
              where a.tenant_id = s.tenant_id and a.subscription_id = s.subscription_id) as assigned
            from subscription s
            join plan p on p.plan_id = s.plan_id
            join product pr on pr.product_id = p.product_id
           where s.tenant_id = :tenant
          """;

  private static final String ORDER = " order by pr.name, s.created_at, s.subscription_id";

  private final JdbcClient jdbc;

  SubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Subscription s) {
    jdbc.sql(
            """
            insert into subscription (tenant_id, subscription_id, plan_id, quantity, status,
                auto_renew, anchor_date, current_period_start, current_period_end, trial_end,
                payment_method_id, created_at, status_changed_at)
            values (:tenant, :id, :plan, :quantity, :status, :autoRenew, :anchor, :periodStart,
                    :periodEnd, :trialEnd, :paymentMethod, :createdAt, :createdAt)
            """)
        .param("tenant", s.tenant().value())
        .param("id", s.id().value())
        .param("plan", s.planId())
        .param("quantity", s.quantity())
        .param("status", s.status().name())
        .param("autoRenew", s.autoRenew())
        .param("anchor", s.anchorDate())
        .param("periodStart", s.currentPeriod() == null ? null : s.currentPeriod().start())
        .param("periodEnd", s.currentPeriod() == null ? null : s.currentPeriod().endExclusive())
        .param("trialEnd", s.trialEnd())
        .param("paymentMethod", s.paymentMethod() == null ? null : s.paymentMethod().value())
        .param("createdAt", Utc.of(s.createdAt()))
        .update();
  }

  /** The day the subscription moved to its plan: its later periods are priced as a purchase of that day. */
  void pricedOn(TenantId tenant, SubscriptionId id, LocalDate day) {
    jdbc.sql("update subscription set priced_on = :day where tenant_id = :tenant and subscription_id = :id")
        .param("day", day)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .update();
  }

  /** Issue 18: every subscription paying with one of {@code from} pays with {@code to}; their ids. */
  List<SubscriptionId> movePaymentMethod(TenantId tenant, java.util.Collection<PaymentMethodId> from, PaymentMethodId to) {
    if (from.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = from.stream().map(PaymentMethodId::value).toList();
    List<SubscriptionId> moved = jdbc.sql("""
            select subscription_id from subscription
             where tenant_id = :tenant and payment_method_id in (:from) and status <> 'DELETED'
            """)
        .param("tenant", tenant.value()).param("from", ids)
        .query((rs, i) -> new SubscriptionId(rs.getObject(1, UUID.class))).list();
    jdbc.sql("""
            update subscription set payment_method_id = :to
             where tenant_id = :tenant and payment_method_id in (:from) and status <> 'DELETED'
            """)
        .param("to", to.value()).param("tenant", tenant.value()).param("from", ids).update();
    return moved;
  }

  /** Issue 18: ACTIVE → EXPIRED because its invoices went unpaid; false when it was not ACTIVE. */
  boolean expireUnpaid(TenantId tenant, SubscriptionId id, Instant now) {
    return jdbc.sql("""
            update subscription set status = 'EXPIRED', status_changed_at = :now, expired_reason = 'PAYMENT_FAILED'
             where tenant_id = :tenant and subscription_id = :id and status = 'ACTIVE'
            """)
        .param("now", Utc.of(now)).param("tenant", tenant.value()).param("id", id.value()).update() == 1;
  }

  /** Issue 18: why it is EXPIRED or DISABLED when that is not its term or a cancellation (PAYMENT_FAILED). */
  Optional<String> expiredReason(TenantId tenant, SubscriptionId id) {
    return jdbc.sql("select expired_reason from subscription where tenant_id = :tenant and subscription_id = :id")
        .param("tenant", tenant.value()).param("id", id.value()).query(String.class).optional()
        .filter(java.util.Objects::nonNull);
  }

  /** Writes the mutable state; the status change time moves only when the status does. */
  void update(Subscription s, Instant now) {
    jdbc.sql(
            """
            update subscription
               set status_changed_at = case when status = :status then status_changed_at else :now end,
                   status = :status, plan_id = :plan, quantity = :quantity, auto_renew = :autoRenew, anchor_date = :anchor,
                   expired_reason = case when :status = 'ACTIVE' then null else expired_reason end,
                   current_period_start = :periodStart, current_period_end = :periodEnd,
                   trial_end = :trialEnd, payment_method_id = :paymentMethod,
                   cancelled_at = :cancelledAt, scheduled_cancel_on = :cancelOn
             where tenant_id = :tenant and subscription_id = :id
            """)
        .param("tenant", s.tenant().value())
        .param("id", s.id().value())
        .param("status", s.status().name())
        .param("plan", s.planId())
        .param("quantity", s.quantity())
        .param("autoRenew", s.autoRenew())
        .param("anchor", s.anchorDate())
        .param("periodStart", s.currentPeriod() == null ? null : s.currentPeriod().start())
        .param("periodEnd", s.currentPeriod() == null ? null : s.currentPeriod().endExclusive())
        .param("trialEnd", s.trialEnd())
        .param("paymentMethod", s.paymentMethod() == null ? null : s.paymentMethod().value())
        .param("cancelledAt", Utc.of(s.cancelledAt()))
        .param("cancelOn", s.scheduledCancelOn())
        .param("now", Utc.of(now))
        .update();
  }

  /**
   * A reactivation begins a new series of periods: billing keys each period's charge and credit by
   * the activation and the period start, so a new period starting on a day an earlier one started
   * (reactivated the day it was cancelled) is a period of its own, charged once.
   */
  void beginActivation(TenantId tenant, SubscriptionId id) {
    jdbc.sql("update subscription set activation = activation + 1 where tenant_id = :tenant and subscription_id = :id")
        .param("tenant", tenant.value())
        .param("id", id.value())
        .update();
  }

  List<SubscriptionSummary> listSummaries(TenantId tenant) {
    return jdbc.sql(SUMMARY + ORDER)
        .param("tenant", tenant.value())
        .query((rs, i) -> summary(tenant, rs))
        .list();
  }

  List<SubscriptionSummary> listSummaries(TenantId tenant, PageRequest page) {
    return jdbc.sql(SUMMARY + ORDER + " limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> summary(tenant, rs))
        .list();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from subscription where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  Optional<SubscriptionSummary> findSummary(TenantId tenant, SubscriptionId id) {
    return jdbc.sql(SUMMARY + " and s.subscription_id = :id")
        .param("tenant", tenant.value())
        .param("id", id.value())
        .query((rs, i) -> summary(tenant, rs))
        .optional();
  }

  /** Locks the row until the transaction ends, so seat counts and status changes serialise. */
  Optional<Subscription> findForUpdate(TenantId tenant, SubscriptionId id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from subscription s where s.tenant_id = :tenant and s.subscription_id = :id"
                + " for update")
        .param("tenant", tenant.value())
        .param("id", id.value())
        .query((rs, i) -> subscription(tenant, rs))
        .optional();
  }

  /** The earliest renewal day after {@code today} among the tenant's other renewing subscriptions. */
  Optional<LocalDate> nextRenewal(TenantId tenant, SubscriptionId excluding, LocalDate today) {
    return jdbc.sql(
            """
            select current_period_end from subscription
             where tenant_id = :tenant and status = 'ACTIVE' and auto_renew = true
               and subscription_id <> :excluding and current_period_end > :today
             order by current_period_end
             fetch first 1 rows only
            """)
        .param("tenant", tenant.value())
        .param("excluding", excluding.value())
        .param("today", today)
        .query(LocalDate.class)
        .optional();
  }

  boolean hasTrialOf(TenantId tenant, String planId) {
    return jdbc.sql(
                """
                select count(*) from subscription
                 where tenant_id = :tenant and plan_id = :plan and status = 'TRIAL'
                """)
            .param("tenant", tenant.value())
            .param("plan", planId)
            .query(Long.class)
            .single()
        > 0;
  }

  private static SubscriptionSummary summary(TenantId tenant, ResultSet rs) throws SQLException {
    return new SubscriptionSummary(
        subscription(tenant, rs), rs.getString("product_name"), rs.getInt("assigned"));
  }

  private static Subscription subscription(TenantId tenant, ResultSet rs) throws SQLException {
    LocalDate periodStart = date(rs, "current_period_start");
    UUID paymentMethod = rs.getObject("payment_method_id", UUID.class);
    return new Subscription(
        tenant,
        new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
        rs.getString("plan_id"),
        rs.getInt("quantity"),
        SubscriptionStatus.valueOf(rs.getString("status")),
        rs.getBoolean("auto_renew"),
        date(rs, "anchor_date"),
        periodStart == null
            ? null
            : new BillingPeriod(periodStart, date(rs, "current_period_end")),
        date(rs, "trial_end"),
        paymentMethod == null ? null : new PaymentMethodId(paymentMethod),
        Utc.read(rs, "created_at"),
        Utc.read(rs, "cancelled_at"),
        date(rs, "scheduled_cancel_on"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
