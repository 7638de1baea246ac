package org.billingcenter.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The charts' read-only SQL across all organisations. It reads billing's, cancellation's, support's
 * and the audit trail's tables directly: the figures are aggregates no module owns, and each query
 * returns a handful of rows (one per currency or reason), or one row per callback request of twelve weeks.
 */
@Repository
class MetricsRepository {

  /** Run-rate parts and paying subscriptions of one currency on one day. */
  record RunRate(String currency, long monthlyMinor, long annualMinor, long subscriptions) {}

  /** A callback request's creation and its first call (claim or note), if any yet. */
  record Callback(Instant requestedAt, @Nullable Instant firstCallAt) {
    @Nullable Duration toFirstCall() {
      return firstCallAt == null ? null : Duration.between(requestedAt, firstCallAt);
    }
  }

  private final JdbcClient jdbc;

  MetricsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The periods charged on invoices that cover {@code day}, less those cancelled from inside the
   * period up to that day (an undone cancellation does not count): quantity × unit price per period.
   */
  List<RunRate> runRates(LocalDate day) {
    return jdbc.sql("""
            select l.currency,
                   coalesce(sum(case when p.billing_frequency = 'ANNUAL' then 0
                                     else l.quantity * l.unit_price_minor end), 0) as monthly_minor,
                   coalesce(sum(case when p.billing_frequency = 'ANNUAL' then l.quantity * l.unit_price_minor
                                     else 0 end), 0) as annual_minor,
                   count(distinct l.subscription_id) as subscriptions
              from invoice_line l left join plan p on p.plan_id = l.plan_id
             where l.kind = 'CHARGE' and l.period_start <= :day and l.period_end > :day
               and l.quantity is not null and l.unit_price_minor is not null
               and not exists (select 1 from cancellation c
                                where c.tenant_id = l.tenant_id and c.subscription_id = l.subscription_id
                                  and c.undone_at is null and c.effective_on >= l.period_start and c.effective_on <= :day)
             group by l.currency
             order by l.currency
            """)
        .param("day", day)
        .query((rs, i) -> new RunRate(rs.getString("currency"), rs.getLong("monthly_minor"), rs.getLong("annual_minor"),
            rs.getLong("subscriptions")))
        .list();
  }

  /** Cancellations made from {@code from} (inclusive) to {@code until} (exclusive), not undone, by reason. */
  Map<String, Long> cancellationsByReason(Instant from, Instant until) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
            select reason, count(*) as n from cancellation
             where created_at >= :from and created_at < :until and undone_at is null
             group by reason
            """)
        .param("from", Utc.of(from)).param("until", Utc.of(until))
        .query(rs -> {
          counts.put(rs.getString("reason"), rs.getLong("n"));
        });
    return counts;
  }

  /** Callback requests made from {@code from} to {@code until}, each with its first claim or note. */
  List<Callback> callbacks(Instant from, Instant until) {
    return jdbc.sql("""
            select r.created_at,
                   (select min(a.occurred_at) from audit_event a
                     where a.tenant_id = r.tenant_id and a.entity_type = 'callback_request'
                       and a.entity_id = cast(r.callback_request_id as varchar(100))
                       and a.action in ('CALLBACK_CLAIMED', 'CALLBACK_NOTE_ADDED')) as first_call
              from callback_request r
             where r.created_at >= :from and r.created_at < :until
            """)
        .param("from", Utc.of(from)).param("until", Utc.of(until))
        .query((rs, i) -> new Callback(Utc.read(rs, "created_at"), Utc.read(rs, "first_call")))
        .list();
  }
}
