package org.billingcenter.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.billing.RunTally.Amounts;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The billing runs' history ({@code billing_run_log}) and db-scheduler's view of the daily job.
 * Operator data: no tenant owns a run, so these statements have no tenant scope on purpose.
 */
@Repository
class RunLogRepository {

  private final JdbcClient jdbc;

  RunLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, LocalDate day, String node, String startedBy, Instant now) {
    jdbc.sql("""
            insert into billing_run_log (run_id, run_day, node, started_by, status, started_at, updated_at)
            values (:id, :day, :node, :by, 'RUNNING', :now, :now)
            """)
        .param("id", id).param("day", day).param("node", node).param("by", startedBy).param("now", Utc.of(now))
        .update();
  }

  void tenantsDue(UUID id, int count, Instant now) {
    jdbc.sql("update billing_run_log set tenants_due = :n, updated_at = :now where run_id = :id")
        .param("id", id).param("n", count).param("now", Utc.of(now)).update();
  }

  /** Adds one batch: its counts to the row, its money to the currency totals. */
  void addBatch(UUID id, RunTally t, Instant now) {
    jdbc.sql("""
            update billing_run_log
               set batches_done = batches_done + 1, tenants_billed = tenants_billed + :tenants,
                   subscriptions_billed = subscriptions_billed + :subscriptions, invoices = invoices + :invoices,
                   charges = charges + :charges, credits_returned = credits_returned + :credits,
                   refunds = refunds + :refunds, collections = collections + :collections, updated_at = :now
             where run_id = :id
            """)
        .param("id", id).param("tenants", t.tenants()).param("subscriptions", t.subscriptions())
        .param("invoices", t.invoices()).param("charges", t.charges()).param("credits", t.credits())
        .param("refunds", t.refunds()).param("collections", t.collections()).param("now", Utc.of(now))
        .update();
    // Only the run's own thread writes its totals, so update-else-insert cannot race.
    t.totals().forEach((currency, a) -> {
      int updated = jdbc.sql("""
              update billing_run_log_total
                 set charged_minor = charged_minor + :charged, credited_minor = credited_minor + :credited,
                     refunded_minor = refunded_minor + :refunded
               where run_id = :id and currency = :currency
              """)
          .params(amounts(id, currency, a)).update();
      if (updated == 0) {
        jdbc.sql("""
                insert into billing_run_log_total (run_id, currency, charged_minor, credited_minor, refunded_minor)
                values (:id, :currency, :charged, :credited, :refunded)
                """)
            .params(amounts(id, currency, a)).update();
      }
    });
  }

  private static Map<String, Object> amounts(UUID id, String currency, Amounts a) {
    return Map.of("id", id, "currency", currency, "charged", a.charged(), "credited", a.credited(),
        "refunded", a.refunded());
  }

  void finish(UUID id, BillingRun.Status status, @Nullable String step, @Nullable String failure, Instant now) {
    jdbc.sql("""
            update billing_run_log set status = :status, failed_step = :step, failure = :failure,
                   finished_at = :now, updated_at = :now
             where run_id = :id
            """)
        .param("id", id).param("status", status.name()).param("step", step, java.sql.Types.VARCHAR)
        .param("failure", failure, java.sql.Types.VARCHAR).param("now", Utc.of(now)).update();
  }

  /** Newest first, optionally one status only. */
  List<BillingRun> page(BillingRun.@Nullable Status status, PageRequest page) {
    return withTotals(jdbc.sql("select * from billing_run_log where (:status is null or status = :status)"
            + " order by started_at desc, run_id desc limit :size offset :offset")
        .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
        .param("offset", page.offset()).param("size", page.size())
        .query(RunLogRepository::run).list());
  }

  long count(BillingRun.@Nullable Status status) {
    return jdbc.sql("select count(*) from billing_run_log where (:status is null or status = :status)")
        .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
        .query(Long.class).single();
  }

  Optional<BillingRun> find(UUID id) {
    return jdbc.sql("select * from billing_run_log where run_id = :id").param("id", id)
        .query(RunLogRepository::run).optional().map(r -> withTotals(List.of(r)).get(0));
  }

  /** A run for {@code day} finished without failing (on any node). */
  boolean succeededOn(LocalDate day) {
    return jdbc.sql("select count(*) from billing_run_log where run_day = :day and status = 'SUCCEEDED'")
        .param("day", day).query(Long.class).single() > 0;
  }

  /** A run for {@code day} still running that wrote its row since {@code since} (not a dead node's). */
  boolean runningOn(LocalDate day, Instant since) {
    return jdbc.sql("""
            select count(*) from billing_run_log
             where run_day = :day and status = 'RUNNING' and updated_at >= :since
            """)
        .param("day", day).param("since", Utc.of(since)).query(Long.class).single() > 0;
  }

  Optional<Instant> lastSuccess() {
    // max() answers one row, null without any success: a mapper may not return null to single().
    return jdbc.sql("select finished_at from billing_run_log where status = 'SUCCEEDED'"
            + " order by finished_at desc limit 1")
        .query((rs, i) -> Utc.read(rs, "finished_at")).optional();
  }

  /** db-scheduler's row of a recurring task: when it runs next, and how its last runs went. */
  Optional<BillingSchedule> schedule(String task) {
    return jdbc.sql("""
            select execution_time, picked, picked_by, last_success, last_failure, consecutive_failures
              from scheduled_tasks where task_name = :task
            """)
        .param("task", task)
        .query((rs, i) -> new BillingSchedule(Utc.read(rs, "execution_time"), rs.getBoolean("picked"),
            rs.getString("picked_by"), Utc.read(rs, "last_success"), Utc.read(rs, "last_failure"),
            rs.getInt("consecutive_failures")))
        .list().stream().findFirst();
  }

  private List<BillingRun> withTotals(List<BillingRun> runs) {
    if (runs.isEmpty()) {
      return runs;
    }
    Map<UUID, List<BillingRun.Total>> totals = new HashMap<>();
    jdbc.sql("select * from billing_run_log_total where run_id in (:ids) order by currency")
        .param("ids", runs.stream().map(BillingRun::id).toList())
        .query((rs, i) -> {
          String c = rs.getString("currency");
          return totals.computeIfAbsent(rs.getObject("run_id", UUID.class), k -> new ArrayList<>()).add(
              new BillingRun.Total(Money.of(rs.getLong("charged_minor"), c), Money.of(rs.getLong("credited_minor"), c),
                  Money.of(rs.getLong("refunded_minor"), c)));
        })
        .list();
    return runs.stream().map(r -> r.withTotals(totals.getOrDefault(r.id(), List.of()))).toList();
  }

  private static BillingRun run(ResultSet rs, int i) throws SQLException {
    Integer due = rs.getObject("tenants_due", Integer.class);
    return new BillingRun(rs.getObject("run_id", UUID.class), rs.getDate("run_day").toLocalDate(), rs.getString("node"),
        rs.getString("started_by"), BillingRun.Status.valueOf(rs.getString("status")), Utc.read(rs, "started_at"),
        Utc.read(rs, "updated_at"), Utc.read(rs, "finished_at"), due,
        rs.getInt("batches_done"), rs.getInt("tenants_billed"), rs.getInt("subscriptions_billed"), rs.getInt("invoices"),
        rs.getInt("charges"), rs.getInt("credits_returned"), rs.getInt("refunds"), rs.getInt("collections"),
        rs.getString("failed_step"), rs.getString("failure"), List.of());
  }
}
