package org.billingcenter.benchmark;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.Configuration;
import org.billingcenter.BillingCenterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CPU per request of the products page and of the liveness probe, the steady measure on a shared
 * machine: the JVM's process CPU time (includes the in-process client) and the CPU time of the
 * PostgreSQL backends of its database (Linux {@code /proc}, the server on this host), over two
 * rounds after the benchmark's sign-in and warm-up. Arguments: pages per user and round (default
 * 200), optionally a JFR file for the second round's products pages. {@code -Dprobe.sql=true} logs
 * the transactions and SQL of one page; {@code -Dprobe.db} names the database (recreated).
 */
public final class ProductsPageProbe {
  /** Clock ticks of 10 ms ({@code getconf CLK_TCK} = 100). */
  static long pgCpuNanos(String db) throws Exception {
    long ticks = 0;
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        var rs = c.createStatement().executeQuery("select pid from pg_stat_activity where datname = '" + db + "'")) {
      while (rs.next()) {
        try {
          String stat = java.nio.file.Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException gone) {
        }
      }
    }
    return ticks * 10_000_000L;
  }

  /** CPU time of the live threads by kind: the server's request threads, the in-process client's, the rest. */
  static java.util.Map<String, Long> threadCpu() {
    var mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
    for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) continue;
      String name = info.getThreadName();
      String kind = name.startsWith("http-nio") ? "server" : name.startsWith("HttpClient") || name.startsWith("pool-") ? "client" : "other";
      long cpu = mx.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) kinds.merge(kind, cpu, Long::sum);
      long bytes = ((com.sun.management.ThreadMXBean) mx).getThreadAllocatedBytes(info.getThreadId());
      if (bytes > 0) kinds.merge(kind + "-kB", bytes / 1000, Long::sum);
    }
    return kinds;
  }

  public static void main(String[] args) throws Exception {
    int perUser = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String jfr = args.length > 1 ? args[1] : null;
    String db = System.getProperty("probe.db", "billing_probe");
    String server = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db);
      s.execute("create database " + db);
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BillingCenterApplication.class)
        .logStartupInfo(false)
        .run("--server.port=0", "--spring.datasource.url=" + server + db, "--spring.datasource.username=postgres",
            "--billing-center.demo.seed=always", "--db-scheduler.enabled=false", "--logging.level.root=WARN")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      List<HttpClient> users = new ArrayList<>();
      for (int i = 0; i < 16; i++) users.add(ProductsPageBenchmark.signIn(base, "birch-admin"));
      ProductsPageBenchmark.warmUp(users, base);
      if (Boolean.getBoolean("probe.sql")) {
        var logging = org.springframework.boot.logging.LoggingSystem.get(ProductsPageProbe.class.getClassLoader());
        for (String l : List.of("org.springframework.jdbc.core", "org.springframework.jdbc.support", "org.springframework.transaction")) {
          logging.setLogLevel(l, org.springframework.boot.logging.LogLevel.TRACE);
        }
        System.out.println("PROBE ---- one page");
        ProductsPageBenchmark.run(users.subList(0, 1), base + "/billing/products", 1);
        System.out.println("PROBE ---- end");
        for (String l : List.of("org.springframework.jdbc.core", "org.springframework.jdbc.support", "org.springframework.transaction")) {
          logging.setLogLevel(l, org.springframework.boot.logging.LogLevel.WARN);
        }
      }
      for (int round = 0; round < 2; round++) {
        Recording rec = null;
        if (jfr != null && round == 1) {
          rec = new Recording(Configuration.getConfiguration("profile"));
          rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(Long.getLong("probe.period", 2)));
          rec.start();
        }
        long g0 = pgCpuNanos(db);
        java.util.Map<String, Long> t0 = threadCpu();
        long c0 = os.getProcessCpuTime();
        double[] p = ProductsPageBenchmark.run(users, base + "/billing/products", perUser);
        long c1 = os.getProcessCpuTime();
        java.util.Map<String, Long> t1 = threadCpu();
        long g1 = pgCpuNanos(db);
        if (rec != null) { rec.stop(); rec.dump(Path.of(jfr)); rec.close(); }
        double[] l = ProductsPageBenchmark.run(users, base + "/actuator/health/liveness", perUser);
        long c2 = os.getProcessCpuTime();
        long g2 = pgCpuNanos(db);
        int n = 16 * perUser;
        System.out.printf("PROBE round %d: page JVM %.2f + PG %.2f ms CPU/req (%.0f req/s p95 %.1f) | liveness JVM %.2f + PG %.2f ms CPU/req (%.0f req/s p95 %.1f)%n",
            round, (c1 - c0) / 1e6 / n, (g1 - g0) / 1e6 / n, p[0], p[2], (c2 - c1) / 1e6 / n, (g2 - g1) / 1e6 / n, l[0], l[2]);
        StringBuilder split = new StringBuilder("PROBE round " + round + " page JVM CPU by thread kind (ms/req):");
        for (var e : t1.entrySet()) {
          double delta = e.getValue() - t0.getOrDefault(e.getKey(), 0L);
          split.append(String.format(" %s %.2f", e.getKey(), e.getKey().endsWith("-kB") ? delta / n : delta / 1e6 / n));
        }
        System.out.println(split);
      }
    }
  }
}
