package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three db-scheduler instances on one database, as three nodes would run: a recurring job runs
 * once per slot, and three billing runs started at the same moment invoice every
 * subscription-period exactly once.
 */
class ThreeSchedulersIT extends DatabaseIT {

  @Autowired DataSource dataSource;
  @Autowired BillingRunService runs;
  @Autowired JdbcClient jdbc;

  private List<Scheduler> start(int n, OneTimeTask<Void> worker, RecurringTask<Void> recurring) {
    List<Scheduler> schedulers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Scheduler scheduler = Scheduler.create(dataSource, worker)
          .startTasks(recurring)
          .tableName("scheduled_tasks")
          .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("node-" + i))
          .threads(2)
          .pollingInterval(Duration.ofMillis(100))
          .build();
      scheduler.start();
      schedulers.add(scheduler);
    }
    return schedulers;
  }

  /** Like the daily job, but its first slot is now, so the test need not wait for noon. */
  private static Schedule dueNowThenDaily() {
    return new Schedule() {
      @Override
      public Instant getInitialExecutionTime(Instant now) {
        return now;
      }

      @Override
      public Instant getNextExecutionTime(ExecutionComplete done) {
        return done.getTimeDone().plus(Duration.ofDays(1));
      }

      @Override
      public boolean isDeterministic() {
        return false;
      }
    };
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Test
  void three_nodes_bill_every_subscription_period_exactly_once() throws Exception {
    List<Given> orgs = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Given org = tenants.tenant(0);
      orgs.add(org);
      for (int j = 0; j < 3; j++) {
        subscriptions.add(tenants.subscription(org, 1 + j, 0));
      }
    }
    LocalDate renewal = LocalDate.of(2026, 4, 10);
    String name = "billing-worker-" + UUID.randomUUID();
    AtomicInteger finished = new AtomicInteger();
    OneTimeTask<Void> worker = Tasks.oneTime(name).execute((instance, context) -> {
      runs.run(renewal);
      finished.incrementAndGet();
    });
    String daily = "daily-" + UUID.randomUUID();
    AtomicInteger dailyRuns = new AtomicInteger();
    RecurringTask<Void> recurring = Tasks.recurring(daily, dueNowThenDaily()).execute((i, c) -> dailyRuns.incrementAndGet());

    List<Scheduler> nodes = start(3, worker, recurring);
    try {
      for (int i = 0; i < 3; i++) {
        nodes.get(i).schedule(worker.instance("run-" + i), Instant.now());
      }
      await(() -> finished.get() == 3 && dailyRuns.get() >= 1);
      Thread.sleep(500); // let any wrongly duplicated execution show itself
    } finally {
      nodes.forEach(Scheduler::stop);
    }

    assertThat(finished.get()).isEqualTo(3);
    assertThat(dailyRuns.get()).as("a recurring slot runs on one node only").isEqualTo(1);
    for (Subscription s : subscriptions) {
      long charges = jdbc.sql("select count(*) from invoice_line where tenant_id = :t and subscription_id = :s and charge_period_start = :p")
          .param("t", s.tenant().value()).param("s", s.id().value()).param("p", renewal).query(Long.class).single();
      assertThat(charges).as("charges of " + s.id()).isEqualTo(1);
    }
    for (Given org : orgs) {
      assertThat(jdbc.sql("select count(*) from invoice where tenant_id = :t and invoice_date = :d")
          .param("t", org.id().value()).param("d", renewal).query(Long.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("select total_minor from invoice where tenant_id = :t and invoice_date = :d")
          .param("t", org.id().value()).param("d", renewal).query(Long.class).single()).isEqualTo(6_000);
      assertThat(jdbc.sql("select count(*) from payment p join invoice i on i.tenant_id = p.tenant_id and i.invoice_id = p.invoice_id where p.tenant_id = :t and i.invoice_date = :d")
          .param("t", org.id().value()).param("d", renewal).query(Long.class).single()).isEqualTo(1);
    }
  }
}
