package org.billingcenter.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.BillingCenterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Billing › Your products for the Birch Logistics demo tenant (250 members, 180 of 200 licenses),
 * 16 signed-in users at once, on PostgreSQL. Baseline in the same run: the same users fetching the
 * public liveness probe (the cost of an HTTP round trip through the same server). Argument:
 * requests per user (default 300).
 */
public final class ProductsPageBenchmark {

  static final int USERS = 16;

  public static void main(String[] args) throws Exception {
    int perUser = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    String server = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists billing_pages");
      s.execute("create database billing_pages");
    }
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BillingCenterApplication.class)
        .logStartupInfo(false)
        .run("--server.port=0", "--spring.datasource.url=" + server + "billing_pages", "--spring.datasource.username=postgres",
            "--billing-center.demo.seed=always", "--db-scheduler.enabled=false", "--logging.level.root=WARN")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      List<HttpClient> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        users.add(signIn(base, "birch-admin"));
      }
      warmUp(users, base);
      double[] page = run(users, base + "/billing/products", perUser);
      double[] floor = run(users, base + "/actuator/health/liveness", perUser);
      System.out.printf("products page, %d users: %,.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", USERS, page[0], page[1], page[2], page[3]);
      System.out.printf("baseline (liveness probe), %d users: %,.0f req/s, p50 %.1f ms, p95 %.1f ms%n", USERS, floor[0], floor[1], floor[2]);
      System.out.printf("products p95 / baseline p95 = %.1f%n", page[2] / floor[2]);
    }
  }

  /**
   * Not measured: both URLs in rounds until the JIT is quiet (compiling for less than 2 % of a
   * round's time; at most 3 minutes). A server runs for days; a fixed short warm-up measured the
   * compiler threads (about a third of the JVM's CPU 30 s after the start) along with the page.
   */
  static void warmUp(List<HttpClient> users, String base) throws Exception {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    long started = System.nanoTime();
    int rounds = 0;
    double share;
    do {
      long jit0 = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      run(users, base + "/billing/products", 100);
      run(users, base + "/actuator/health/liveness", 100);
      share = (jit.getTotalCompilationTime() - jit0) / ((System.nanoTime() - t0) / 1e6);
      rounds++;
    } while (share > 0.02 && System.nanoTime() - started < 180e9);
    System.out.printf("warm-up: %d rounds of 100 pages and 100 probes per user, %.0f s; JIT time in the last round %.1f %% of it%n",
        rounds, (System.nanoTime() - started) / 1e9, share * 100);
  }

  static HttpClient signIn(String base, String username) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    String form = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (!home.uri().getPath().equals("/")) {
      throw new IllegalStateException("sign-in failed: " + home.uri());
    }
    return client;
  }

  /** Returns requests/s, p50, p95, p99 (ms). Every response must be 200. */
  static double[] run(List<HttpClient> users, String url, int perUser) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    long[] latencies = new long[users.size() * perUser];
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      int user = u;
      running.add(pool.submit(() -> {
        for (int k = 0; k < perUser; k++) {
          long t0 = System.nanoTime();
          HttpResponse<String> r = users.get(user).send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
          }
          latencies[user * perUser + k] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    int n = latencies.length;
    return new double[] {n / seconds, latencies[n / 2] / 1e6, latencies[(int) (n * 0.95)] / 1e6, latencies[(int) (n * 0.99)] / 1e6};
  }
}
