package org.billingcenter.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.billingcenter.BillingCenterApplication;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.LifecycleService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The billing run at scale, against a baseline measured in the same run on the same data: the
 * same invoices, lines, period updates and collections written by set-based SQL (INSERT ...
 * SELECT), then rolled back. Then the lifecycle job over as many trials. Run with bin/benchmark.
 *
 * <p>Arguments: tenants, subscriptions, JDBC server URL (without database). The database
 * {@code billing_bench} is dropped and created.
 */
public final class BillingRunBenchmark {

  static final LocalDate RENEWAL = LocalDate.of(2026, 12, 1);

  public static void main(String[] args) throws Exception {
    long tenants = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    long subscriptions = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    String server = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/";
    recreate(server, "billing_bench");
    String url = server + "billing_bench?reWriteBatchedInserts=true";
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BillingCenterApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--billing-center.demo.seed=never", "--db-scheduler.enabled=false",
            "--billing-center.billing.batch-tenants=1000", "--logging.level.root=WARN")) {
      app.getBean(CatalogService.class).addPlan(new Plan(BenchData.PLAN, "bench", "Bench", Money.of(BenchData.PRICE_MINOR, "EUR"),
          BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
      DataSource dataSource = app.getBean(DataSource.class);
      long started = System.nanoTime();
      try (Connection c = dataSource.getConnection()) {
        BenchData.renewals(c, tenants, subscriptions, RENEWAL);
        analyze(c);
      }
      System.out.printf("generated %,d tenants and %,d subscriptions in %.1f s%n", tenants, subscriptions, secondsSince(started));

      double baseline = baseline(dataSource);
      resetPeaks();
      started = System.nanoTime();
      BillingRunService.RunResult result = app.getBean(BillingRunService.class).run(RENEWAL);
      double seconds = secondsSince(started);
      System.out.printf("billing run: %,d subscriptions invoiced for %,d tenants in %.1f s = %,.0f subscriptions/s;"
              + " peak heap %,d MB (-Xmx %,d MB)%n",
          result.charges(), result.tenants(), seconds, result.charges() / seconds, peakHeapMb(),
          Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf("baseline (same rows by INSERT ... SELECT): %.1f s; billing run / baseline = %.2f%n", baseline, seconds / baseline);
      // Issue 18: the run queues each invoice's collection and the senders (in the background, as in
      // production) take them to the sandbox provider; timed from the run's start until the last is answered.
      long unanswered;
      do {
        Thread.sleep(100);
        unanswered = unansweredCollections(dataSource);
      } while (unanswered > 0);
      double collected = secondsSince(started);
      System.out.printf("collections: %,d invoices answered by the sandbox provider %.1f s after the run started"
              + " (%.1f s after it returned) = %,.0f collections/s%n",
          result.collections(), collected, collected - seconds, result.collections() / collected);

      try (Connection c = dataSource.getConnection()) {
        BenchData.trials(c, tenants, subscriptions, RENEWAL);
        analyze(c);
      }
      started = System.nanoTime();
      LifecycleService.LifecycleResult lifecycle = app.getBean(LifecycleService.class).run(RENEWAL);
      System.out.printf("lifecycle job: %,d trials converted, %,d expired in %.1f s%n",
          lifecycle.trialsConverted(), lifecycle.trialsExpired(), secondsSince(started));
      started = System.nanoTime();
      BillingRunService.RunResult firstCharges = app.getBean(BillingRunService.class).run(RENEWAL);
      System.out.printf("first charges of converted trials: %,d in %.1f s%n", firstCharges.charges(), secondsSince(started));
      started = System.nanoTime();
      LifecycleService.LifecycleResult later = app.getBean(LifecycleService.class).run(RENEWAL.plusDays(30));
      System.out.printf("lifecycle job 30 days later: %,d expired trials disabled in %.1f s%n", later.disabled(), secondsSince(started));
    }
  }

  /** The same writes as the run, set-based, timed, then rolled back so the run finds the data as it was. */
  private static double baseline(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long started = System.nanoTime();
      s.execute("""
          insert into invoice (tenant_id, invoice_id, invoice_date, currency, total_minor, kind, created_at)
          select s.tenant_id, gen_random_uuid(), date '%1$s', 'EUR', sum(s.quantity * p.unit_price_minor), 'INVOICE', now()
            from subscription s join plan p on p.plan_id = s.plan_id
           where s.status = 'ACTIVE' and s.current_period_end = date '%1$s' group by s.tenant_id
          """.formatted(RENEWAL));
      s.execute("""
          insert into invoice_line (tenant_id, invoice_id, line_no, kind, subscription_id, period_start, period_end,
                                    quantity, unit_price_minor, amount_minor, currency, charge_period_start)
          select s.tenant_id, i.invoice_id, row_number() over (partition by s.tenant_id order by s.subscription_id),
                 'CHARGE', s.subscription_id, date '%1$s', date '%2$s', s.quantity, p.unit_price_minor,
                 s.quantity * p.unit_price_minor, 'EUR', date '%1$s'
            from subscription s join plan p on p.plan_id = s.plan_id
            join invoice i on i.tenant_id = s.tenant_id and i.invoice_date = date '%1$s'
           where s.status = 'ACTIVE' and s.current_period_end = date '%1$s'
          """.formatted(RENEWAL, RENEWAL.plusMonths(1)));
      s.execute("""
          update subscription set current_period_start = date '%1$s', current_period_end = date '%2$s'
           where status = 'ACTIVE' and current_period_end = date '%1$s'
          """.formatted(RENEWAL, RENEWAL.plusMonths(1)));
      s.execute("""
          insert into payment (tenant_id, payment_id, invoice_id, payment_method_id, amount_minor, currency, status, created_at)
          select tenant_id, gen_random_uuid(), invoice_id, null, total_minor, currency, 'PENDING_SETTLEMENT', now()
            from invoice where invoice_date = date '%s'
          """.formatted(RENEWAL));
      double seconds = secondsSince(started);
      c.rollback();
      return seconds;
    }
  }

  private static long unansweredCollections(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from payment_attempt where status in ('QUEUED', 'SENT')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void recreate(String server, String database) throws Exception {
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database);
    }
  }

  private static void analyze(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum()
        >> 20;
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
