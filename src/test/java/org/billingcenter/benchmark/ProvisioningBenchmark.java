package org.billingcenter.benchmark;

import java.io.File;
import java.net.ServerSocket;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioning sequence (create an organisation with its API key, add a payment method, buy 5
 * licenses, cancel now) driven over HTTP by 1, 4 and 16 concurrent clients in this JVM against the
 * service in a JVM of its own on PostgreSQL, then at half the peak rate as an open model; baseline
 * in the same run: pgbench running the SQL those four steps execute, at the same concurrency.
 * Arguments: seconds per level (30), warm-up seconds (30); {@code capture} instead runs two
 * sequences with {@code log_statement=all} on the database and stops (to see the statements).
 * Environment: {@code SERVICE_JAVA_OPTS} (JVM options of the service, e.g. a JFR recording) and
 * {@code SERVICE_ARGS} (more Spring arguments for it), {@code SERVICE_POOL_SIZE} (its connection pool, default 20).
 */
public final class ProvisioningBenchmark {

  static final String DATABASE = "billing_provisioning";
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  public static void main(String[] args) throws Exception {
    boolean capture = args.length > 0 && args[0].equals("capture");
    int seconds = !capture && args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
      if (capture) {
        s.execute("alter database " + DATABASE + " set log_statement = 'all'");
      }
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process service = startService(port);
    try {
      String base = "http://127.0.0.1:" + port;
      awaitReadiness(base, service);
      String operator = operatorCredential(base);
      String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
      ProvisioningClient probe = new ProvisioningClient(base, operator, run + "x");
      // An organisation whose first admin is invited (no password to hash) where the service allows
      // it; else the first admin gets a password, as before invitations.
      HttpResponse<String> invited = probe.send("/api/v1/tenants", operator, "probe-i-" + run, """
          {"name":"Probe I","country":"IE","locale":"en","timeZone":"Europe/Dublin","currency":"EUR",
           "admin":{"username":"probe-i-%s","displayName":"Probe","email":"probe-i-%s@example.org"},
           "apiKey":{"name":"probe","role":"GLOBAL_ADMIN"}}""".formatted(run, run));
      boolean adminPassword = invited.statusCode() != 201;
      String created = adminPassword ? probe.post("/api/v1/tenants", operator, "probe-" + run, """
          {"name":"Probe","country":"IE","locale":"en","timeZone":"Europe/Dublin","currency":"EUR",
           "admin":{"username":"probe-%s","displayName":"Probe","password":"Rw-probe-long-enough!"},
           "apiKey":{"name":"probe","role":"GLOBAL_ADMIN"}}""".formatted(run), 201) : invited.body();
      System.out.printf("service pid %d on port %d; operator authenticates with %s; organisations' calls with %s; "
              + "first admins %s%n",
          service.pid(), port, operator.startsWith("Bearer") ? "an API key" : "HTTP Basic (password: NO API KEYS YET)",
          ProvisioningClient.usesKeys(created) ? "the API key the creation returned" : "HTTP Basic (first admin's password)",
          adminPassword ? "get a password (hashed with PBKDF2)" : "are invited (no password)");
      if (capture) {
        for (int i = 0; i < 2; i++) {
          new ProvisioningClient(base, operator, run, adminPassword).sequence();
        }
        System.out.println("captured: grep " + DATABASE + " /var/log/postgresql/postgresql-15-main.log");
        return;
      }
      Path script = ProvisioningBaseline.writeScript();
      warmUp(new ProvisioningClient(base, operator, run + "w", adminPassword), warmUp, service.pid());
      List<String> rows = new ArrayList<>();
      double peak = 0;
      for (int clients : List.of(1, 4, 16)) {
        Level.Result app = Level.closed(new ProvisioningClient(base, operator, run + clients, adminPassword), clients, seconds,
            service.pid());
        ProvisioningBaseline.Result pg = ProvisioningBaseline.run(script, clients, seconds);
        peak = Math.max(peak, app.perSecond());
        rows.add(app.row(clients + " clients", pg));
      }
      Level.Result half = Level.open(new ProvisioningClient(base, operator, run + "h", adminPassword), 16, seconds, peak / 2,
          service.pid());
      rows.add(half.row(String.format(Locale.ROOT, "half the peak (%.1f/s offered, open model, 16 clients)", peak / 2), null));
      System.out.println();
      System.out.println(Level.Result.HEADER);
      rows.forEach(System.out::println);
    } finally {
      service.destroy();
      service.waitFor();
    }
  }

  /**
   * Not measured: 4 clients in rounds of 10 s, for at least {@code seconds} and then until the
   * service's JIT compiler threads used less than 3 % of its CPU in a round (at most 5 minutes). A
   * fixed 30 s warm-up measured the compiler along with the service: its CPU per sequence at the
   * first level after it was 2–3 times the later levels'.
   */
  static void warmUp(ProvisioningClient client, int seconds, long servicePid) throws Exception {
    long started = System.nanoTime();
    double share;
    int rounds = 0;
    do {
      double compiler0 = ProcessCpu.compilerMillis(servicePid);
      Level.Result round = Level.closed(client, 4, 10, servicePid);
      share = (ProcessCpu.compilerMillis(servicePid) - compiler0) / Math.max(1, round.serviceCpuMs());
      rounds++;
    } while ((System.nanoTime() - started < seconds * 1e9 || share >= 0.03) && System.nanoTime() - started < 300e9);
    System.out.printf(Locale.ROOT, "warm-up: %d rounds of 10 s at 4 clients, %.0f s; JIT compiler threads %.1f %% of the service's CPU in the last%n",
        rounds, (System.nanoTime() - started) / 1e9, share * 100);
  }

  /** The service as an operator runs it: its own JVM, its class path without the test classes. */
  static Process startService(int port) throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    Path log = Path.of("target", "provisioning-service.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", classPath));
    String extra = System.getenv("SERVICE_JAVA_OPTS"); // e.g. a JFR recording
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("org.billingcenter.BillingCenterApplication",
        "--server.port=" + port, "--spring.datasource.url=" + SERVER + DATABASE, "--spring.datasource.username=postgres",
        "--billing-center.demo.seed=always", "--db-scheduler.enabled=false", "--logging.level.root=WARN",
        "--spring.datasource.hikari.maximum-pool-size=" + System.getenv().getOrDefault("SERVICE_POOL_SIZE", "20")));
    String args = System.getenv("SERVICE_ARGS"); // e.g. --spring.datasource.hikari.data-source-properties.prepareThreshold=1
    if (args != null && !args.isBlank()) {
      command.addAll(List.of(args.trim().split("\\s+")));
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void awaitReadiness(String base, Process service) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 600; i++) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service stopped: see target/provisioning-service.log");
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the service did not start in 5 minutes");
  }

  /**
   * The operator's API key, created once with the demo operator's password (as an operator would
   * in the admin center); HTTP Basic with that password only while the service has no API keys.
   */
  private static String operatorCredential(String base) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
            .header("Authorization", basic).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"provisioning benchmark\",\"role\":\"OPERATOR\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    for (int i = 0; answer.statusCode() == 401 && i < 3; i++) { // (ready means seeded: should not happen)
      Thread.sleep(500);
      answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
              .header("Authorization", basic).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"provisioning benchmark\",\"role\":\"OPERATOR\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
    if (answer.statusCode() == 201 && secret.find()) {
      String bearer = "Bearer " + secret.group(1);
      HttpResponse<Void> check = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants?size=1")).header("Authorization", bearer).build(),
          HttpResponse.BodyHandlers.discarding());
      if (check.statusCode() != 401) {
        return bearer;
      }
    }
    return basic;
  }

  /** One level of load: clients repeating the sequence for a while, with latencies and CPU. */
  static final class Level {

    record Result(String label, int sequences, int errors, double seconds, long[][] steps, long[] whole,
        double serviceCpuMs, double postgresCpuMs, double clientCpuMs) {

      static final String HEADER = "| load | sequences/s | errors | sequence p50 / p99 | "
          + String.join(" | ", Arrays.stream(ProvisioningClient.STEPS).map(s -> s + " p50 / p99").toList())
          + " | CPU ms per sequence: service / PostgreSQL / this client | pgbench sequences/s (mean latency) | ratio |";

      double perSecond() {
        return sequences / seconds;
      }

      String row(String load, ProvisioningBaseline.Result pg) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.1f | %d | %s |", load, perSecond(), errors, pct(whole)));
        for (long[] step : steps) {
          row.append(' ').append(pct(step)).append(" |");
        }
        row.append(String.format(Locale.ROOT, " %.1f / %.1f / %.1f |", serviceCpuMs / sequences, postgresCpuMs / sequences,
            clientCpuMs / sequences));
        if (pg == null) {
          row.append(" — | — |");
        } else {
          row.append(String.format(Locale.ROOT, " %.1f (%.1f ms; CPU %.1f ms per sequence in PostgreSQL) | **%.2f** |",
              pg.perSecond(), pg.latencyMs(), pg.postgresCpuMs() / Math.max(1, pg.sequences()), perSecond() / pg.perSecond()));
        }
        return row.toString();
      }

      private static String pct(long[] sorted) {
        if (sorted.length == 0) {
          return "—";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f ms", sorted[sorted.length / 2] / 1e6,
            sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
      }
    }

    static Result closed(ProvisioningClient client, int clients, int seconds, long servicePid) throws Exception {
      return drive(client, clients, seconds, 0, servicePid);
    }

    static Result open(ProvisioningClient client, int clients, int seconds, double rate, long servicePid) throws Exception {
      return drive(client, clients, seconds, rate, servicePid);
    }

    /**
     * {@code rate} > 0: sequence k is due at start + k / rate and its latency counts from then, so a
     * slow answer cannot hide the queue behind it; otherwise each client starts its next sequence
     * as soon as the last one is done, until the time is up.
     */
    private static Result drive(ProvisioningClient client, int clients, int seconds, double rate, long servicePid)
        throws Exception {
      int capacity = rate > 0 ? (int) (rate * seconds) + 1 : 200_000;
      long[][] steps = new long[ProvisioningClient.STEPS.length][capacity];
      long[] whole = new long[capacity];
      AtomicInteger cursor = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      ProcessCpu serviceCpu = ProcessCpu.of(servicePid);
      // The benchmark's own JVM (its HTTP clients): it shares the 2 cores; pgbench's client is C.
      var self = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long clientCpu0 = self.getProcessCpuTime();
      ProcessCpu postgresCpu = ProcessCpu.backendsOf(DATABASE);
      long started = System.nanoTime();
      long end = started + seconds * 1_000_000_000L;
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        running.add(pool.submit(() -> {
          for (int k = cursor.getAndIncrement(); k < capacity; k = cursor.getAndIncrement()) {
            long t0 = System.nanoTime();
            if (rate > 0) {
              long due = started + (long) (k * 1e9 / rate);
              Thread.sleep(Math.max(0, (due - t0) / 1_000_000));
              t0 = due;
            } else if (t0 >= end) {
              return null;
            }
            try {
              long[] took = client.sequence();
              int slot = done.getAndIncrement();
              for (int s = 0; s < took.length; s++) {
                steps[s][slot] = took[s];
              }
              whole[slot] = System.nanoTime() - t0;
            } catch (Exception e) {
              if (errors.incrementAndGet() <= 3) {
                System.err.println(e.getMessage());
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      double elapsed = (System.nanoTime() - started) / 1e9;
      double serviceMs = serviceCpu.stop();
      double clientMs = (self.getProcessCpuTime() - clientCpu0) / 1e6;
      double postgresMs = postgresCpu.stop();
      pool.shutdown();
      int n = done.get();
      long[][] sortedSteps = new long[steps.length][];
      for (int s = 0; s < steps.length; s++) {
        sortedSteps[s] = Arrays.copyOf(steps[s], n);
        Arrays.sort(sortedSteps[s]);
      }
      long[] sortedWhole = Arrays.copyOf(whole, n);
      Arrays.sort(sortedWhole);
      Result result = new Result(clients + " clients", n, errors.get(), elapsed, sortedSteps, sortedWhole, serviceMs, postgresMs, clientMs);
      System.out.println(result.row(clients + " clients" + (rate > 0 ? String.format(Locale.ROOT, " at %.1f/s", rate) : ""), null));
      return result;
    }
  }
}
