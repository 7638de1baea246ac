package org.billingcenter.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.billingcenter.BillingCenterApplication;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * POST .../cancellation under load with 1, 8 and 32 concurrent clients (a small Java client: no
 * extra tool to install, and it records every acknowledged request), against a baseline measured in
 * the same run: the same reads and writes one cancellation does, driven by pgbench at the same
 * concurrency. Arguments: subscriptions (100,000), tenants (10,000), requests per level.
 */
public final class CancelLoadBenchmark {

  /** The Authorization header of each load tenant's API key (Bearer), by tenant number. */
  private static String[] keys;

  public static void main(String[] args) throws Exception {
    int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int perLevel = args.length > 2 ? Integer.parseInt(args[2]) : 6_000;
    // Optionally another server (a cluster's primary: bin/benchmark-replication); pgbench goes there too.
    String server = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/";
    pgPort = String.valueOf(java.net.URI.create(server.substring("jdbc:".length())).getPort());
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists billing_load");
      s.execute("create database billing_load");
    }
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BillingCenterApplication.class)
        .logStartupInfo(false)
        .run("--server.port=0", "--spring.datasource.url=" + server + "billing_load?reWriteBatchedInserts=true",
            "--spring.datasource.username=postgres", "--billing-center.demo.seed=never", "--db-scheduler.enabled=false",
            "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN",
            "--server.tomcat.threads.max=64")) {
      app.getBean(CatalogService.class).addPlan(new Plan(BenchData.PLAN, "bench", "Bench", Money.of(BenchData.PRICE_MINOR, "EUR"),
          BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
      LocalDate renewal = LocalDate.now(ZoneOffset.UTC).plusDays(15); // today is inside every period: credits are real
      DataSource dataSource = app.getBean(DataSource.class);
      try (Connection c = dataSource.getConnection()) {
        BenchData.renewals(c, tenants, subscriptions, renewal);
        try (Statement s = c.createStatement()) {
          s.execute("create table bench_ids (i int primary key, tenant uuid, sub uuid)");
          s.execute("analyze");
        }
        BenchData.benchIds(c, tenants, subscriptions);
      }
      keys = BenchData.loadKeys(app.getBean(ApiKeyService.class), tenants);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      System.out.printf("%,d subscriptions over %,d tenants ready on port %d%n", subscriptions, tenants, port);

      // Warm-up (JIT, pools, caches), as JMH would: these cancellations are not measured.
      int warmUp = Math.min(8000, subscriptions / 10);
      drive(port, 8, 0, warmUp, tenants);
      int next = warmUp;
      double peak = 0;
      Path script = writePgbenchScript(renewal);
      for (int clients : List.of(1, 8, 32)) {
        int count = clients == 1 ? Math.min(perLevel / 3, 2000) : perLevel;
        Cpu cpu = Cpu.now();
        Result app1 = drive(port, clients, next, count, tenants);
        Cpu appCpu = Cpu.now().minus(cpu);
        next += count;
        peak = Math.max(peak, app1.perSecond());
        cpu = Cpu.now();
        Result base = pgbench(script, clients, count, subscriptions / 2, subscriptions - 1);
        Cpu baseCpu = Cpu.now().minus(cpu);
        System.out.printf("clients %2d: app %,.0f cancellations/s (p50 %.1f ms, p99 %.1f ms, %d errors) | "
                + "pgbench same SQL %,.0f tx/s (p50 %.1f ms) | app/baseline = %.2f%n",
            clients, app1.perSecond(), app1.p50(), app1.p99(), app1.errors(), base.perSecond(), base.p50(),
            app1.perSecond() / base.perSecond());
        System.out.printf("            CPU per cancellation: app run %.2f ms (this JVM: service + client %.2f ms), "
                + "pgbench run %.2f ms%n",
            appCpu.machineMillis() / count, appCpu.jvmMillis() / count, baseCpu.machineMillis() / count);
      }
      Result half = drive(port, 8, next, perLevel / 2, tenants, peak / 2);
      System.out.printf("at half the peak rate (%,.0f/s offered by 8 clients): %,.0f/s, p50 %.1f ms, p99 %.1f ms "
              + "(latency from each request's scheduled start)%n", peak / 2, half.perSecond(), half.p50(), half.p99());
    }
  }

  record Result(double perSecond, double p50, double p99, int errors) {}

  /** Busy CPU time of the whole machine (from /proc/stat) and of this JVM, in milliseconds. */
  record Cpu(double machineMillis, double jvmMillis) {
    static Cpu now() throws Exception {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length; i++) {
        if (i != 4 && i != 5) { // idle and iowait are not work
          busy += Long.parseLong(f[i]);
        }
      }
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return new Cpu(busy * 10.0, os.getProcessCpuTime() / 1e6); // USER_HZ = 100
    }

    Cpu minus(Cpu earlier) {
      return new Cpu(machineMillis - earlier.machineMillis, jvmMillis - earlier.jvmMillis);
    }
  }

  static Result drive(int port, int clients, int from, int count, int tenants) throws Exception {
    return drive(port, clients, from, count, tenants, 0);
  }

  /**
   * {@code rate} > 0: request k is due at start + k / rate (an open model), and its latency counts
   * from when it was due, so a slow answer cannot hide the queue it causes.
   */
  static Result drive(int port, int clients, int from, int count, int tenants, double rate) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] latencies = new long[count];
    AtomicInteger cursor = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      running.add(pool.submit(() -> {
        for (int k = cursor.getAndIncrement(); k < count; k = cursor.getAndIncrement()) {
          int i = from + k;
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscriptions/"
                  + BenchData.subscription(i) + "/cancellation"))
              .header("Authorization", keys[i % tenants]).header("Content-Type", "application/json")
              .header("Idempotency-Key", "load-" + i)
              .POST(HttpRequest.BodyPublishers.ofString("{\"when\":\"NOW\",\"reason\":\"OTHER\"}")).build();
          long t0 = System.nanoTime();
          if (rate > 0) {
            long due = started + (long) (k * 1e9 / rate);
            try {
              Thread.sleep(Math.max(0, (due - t0) / 1_000_000));
            } catch (InterruptedException e) {
              return;
            }
            t0 = due;
          }
          try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies[k] = System.nanoTime() - t0;
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    return new Result(count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, errors.get());
  }

  static Path writePgbenchScript(LocalDate renewal) throws Exception {
    LocalDate start = renewal.minusMonths(1);
    String sql = """
        \\set i random(%1$d, %2$d)
        BEGIN;
        SELECT tenant AS t, sub AS s FROM bench_ids WHERE i = :i \\gset
        SELECT subscription_id, plan_id, quantity, status FROM subscription WHERE tenant_id = ':t' AND subscription_id = ':s' FOR UPDATE;
        SELECT name, time_zone FROM tenant WHERE tenant_id = ':t';
        SELECT p.unit_price_minor, pr.name FROM plan p JOIN product pr ON pr.product_id = p.product_id WHERE p.plan_id = 'bench-monthly';
        SELECT unit_price_minor, quantity, amount_minor FROM invoice_line WHERE tenant_id = ':t' AND subscription_id = ':s' AND charge_period_start = DATE '%3$s';
        SELECT current_period_end FROM subscription WHERE tenant_id = ':t' AND status = 'ACTIVE' AND auto_renew AND subscription_id <> ':s' AND current_period_end > CURRENT_DATE ORDER BY current_period_end LIMIT 1;
        SELECT member_id FROM license_assignment WHERE tenant_id = ':t' AND subscription_id = ':s';
        DELETE FROM license_assignment WHERE tenant_id = ':t' AND subscription_id = ':s';
        UPDATE subscription SET status = 'DISABLED', auto_renew = false, cancelled_at = now(), status_changed_at = now() WHERE tenant_id = ':t' AND subscription_id = ':s';
        INSERT INTO audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state) VALUES (':t', now(), 'pgbench', 'SUBSCRIPTION_CANCELLED', 'subscription', ':s', 'ACTIVE', 'DISABLED');
        INSERT INTO cancellation (tenant_id, cancellation_id, subscription_id, cancel_when, effective_on, reason, credit_minor, currency, actor, created_at) VALUES (':t', gen_random_uuid(), ':s', 'NOW', CURRENT_DATE, 'OTHER', 100, 'EUR', 'pgbench', now());
        INSERT INTO credit (tenant_id, credit_id, subscription_id, amount_minor, currency, status, return_on, created_at, period_start) VALUES (':t', gen_random_uuid(), ':s', 100, 'EUR', 'PENDING', DATE '%4$s', now(), DATE '%3$s') ON CONFLICT DO NOTHING;
        INSERT INTO audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id, after_state) VALUES (':t', now(), 'pgbench', 'CREDIT_RECORDED', 'credit', ':s', '1.00 EUR');
        COMMIT;
        """;
    Path file = Files.createTempFile("cancel", ".sql");
    Files.writeString(file, sql.formatted(0, 0, start, renewal).replace("random(0, 0)", "random(:lo, :hi)"));
    return file;
  }

  /** The PostgreSQL server's port, for pgbench. */
  private static String pgPort = "5432";

  static Result pgbench(Path script, int clients, int count, int lo, int hi) throws Exception {
    Process p = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", pgPort, "-U", "postgres", "-n", "-c", String.valueOf(clients),
            "-j", String.valueOf(Math.min(clients, 2)), "-t", String.valueOf(Math.max(1, count / clients)),
            "-D", "lo=" + lo, "-D", "hi=" + hi, "-f", script.toString(), "billing_load")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    double tps = Double.parseDouble(out.replaceAll("(?s).*tps = ([0-9.]+).*", "$1"));
    double latency = Double.parseDouble(out.replaceAll("(?s).*latency average = ([0-9.]+) ms.*", "$1"));
    return new Result(tps, latency, Double.NaN, 0);
  }
}
