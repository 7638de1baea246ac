package org.billingcenter.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.BillingCenterApplication;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A billing run's worth of events (default 100,000 invoice.finalized, written set-based the way the
 * run writes them) delivered as signed webhooks to a receiver on loopback, by the service's own
 * dispatcher, on PostgreSQL (database billing_outbox, recreated). The endpoint is registered through
 * the API with an operator API key (Bearer, created through the service). Baseline in the same run: the same outbox
 * rows read and marked by plain JDBC in the dispatcher's shape (fan-out batches of 500, send batches
 * of 100, SKIP LOCKED claims, one delivery and one attempt row each), without sending anything.
 * Argument: the number of events.
 */
public final class OutboxBenchmark {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String DB = "billing_outbox";

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DB);
      s.execute("create database " + DB);
    }
    Set<String> received = ConcurrentHashMap.newKeySet();
    AtomicLong requests = new AtomicLong();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    receiver.createContext("/hooks", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.readAllBytes();
      }
      requests.incrementAndGet();
      received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
    receiver.setExecutor(receiverThreads);
    receiver.start();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BillingCenterApplication.class)
        .logStartupInfo(false)
        .run("--server.port=0", "--spring.datasource.url=" + SERVER + DB, "--spring.datasource.username=postgres",
            "--billing-center.demo.seed=always", "--db-scheduler.enabled=false", "--logging.level.root=WARN",
            "--billing-center.webhooks.allow-private-targets=true");
        Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      String operatorKey = app.getBean(ApiKeyService.class)
          .create(new NewApiKey(null, "outbox benchmark", Role.OPERATOR, null), "benchmark").authorization();
      register(base, operatorKey, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");

      // The demo data's own events (if any go to this endpoint) are out of the way first.
      while (undelivered(db) > 0) {
        Thread.sleep(100);
      }
      long before = delivered(db);
      long start = System.nanoTime();
      write(db, events);
      long written = System.nanoTime();
      while (delivered(db) < before + events) {
        Thread.sleep(100);
      }
      long done = System.nanoTime();
      double seconds = (done - written) / 1e9;
      System.out.printf("wrote %,d events set-based in %.1f s%n", events, (written - start) / 1e9);
      System.out.printf("dispatcher: %,d deliveries in %.1f s = %,.0f deliveries/s (receiver: %,d requests, %,d distinct webhook-ids)%n",
          events, seconds, events / seconds, requests.get(), received.size());

      app.getBean(OutboxDispatcher.class).stop();
      reset(db);
      double baseline = baseline(db, events);
      System.out.printf("baseline (read and mark the same rows, no sending): %.1f s = %,.0f deliveries/s%n",
          baseline, events / baseline);
      System.out.printf("dispatcher / baseline throughput = %.2f%n", (events / seconds) / (events / baseline));
    } finally {
      receiver.stop(0);
      receiverThreads.shutdownNow(); // its threads would keep the JVM alive
    }
  }

  /** POST /api/v1/webhook-endpoints with an operator API key: every tenant's invoice.finalized. */
  static void register(String base, String authorization, String url) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhook-endpoints"))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"url\":\"" + url + "\",\"eventTypes\":[\"invoice.finalized\"],\"description\":\"benchmark receiver\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"whsec_").matcher(answer.body());
    if (answer.statusCode() != 201 || !secret.find()) {
      throw new IllegalStateException("registering the endpoint failed: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** N invoice.finalized events over the demo organisations, in one INSERT ... SELECT. */
  static void write(Connection db, int n) throws Exception {
    try (PreparedStatement insert = db.prepareStatement(
        """
        with t as (select tenant_id, row_number() over (order by tenant_id) - 1 as k, count(*) over () as tenants
                     from tenant)
        insert into outbox_event (tenant_id, subject_id, data, event_type, occurred_at)
        select t.tenant_id, cast(i.invoice_id as varchar(36)),
               '{"invoiceId":"' || cast(i.invoice_id as varchar(36))
                 || '","invoiceDate":"2026-12-01","total":{"minor":6000,"currency":"EUR"}}',
               'invoice.finalized', now()
          from (select g, gen_random_uuid() as invoice_id from generate_series(0, ? - 1) g) i
          join t on t.k = i.g % t.tenants
        """)) {
      insert.setInt(1, n);
      insert.executeUpdate();
    }
  }

  static long delivered(Connection db) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from delivery where status = 'DELIVERED'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long undelivered(Connection db) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select (select count(*) from outbox_event where fanned_out = false)"
            + " + (select count(*) from delivery where status = 'PENDING')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void reset(Connection db) throws Exception {
    try (Statement s = db.createStatement()) {
      // TRUNCATE leaves the delivery tables as the dispatcher found them (new: no statistics yet);
      // analysing them empty would make the planner sort every due row for each claim.
      s.execute("truncate delivery_attempt, delivery");
      s.execute("update outbox_event set fanned_out = false");
      s.execute("vacuum outbox_event");
    }
  }

  /** The same rows through the dispatcher's statements and batch sizes, minus the sending; seconds. */
  static double baseline(Connection db, int n) throws Exception {
    db.setAutoCommit(false);
    String target;
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select cast(endpoint_id as varchar(36)) from webhook_endpoint")) {
      rs.next();
      target = rs.getString(1);
    }
    db.commit();
    long start = System.nanoTime();
    long done = 0;
    while (true) {
      int fanned = fanOut(db, target);
      int marked = mark(db);
      done += marked;
      if (fanned == 0 && marked == 0) {
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    db.setAutoCommit(true);
    if (done < n) {
      throw new IllegalStateException("baseline marked " + done + " of " + n);
    }
    return seconds;
  }

  static int fanOut(Connection db, String target) throws Exception {
    List<Object[]> claimed = new ArrayList<>();
    try (PreparedStatement claim = db.prepareStatement(
        """
        select tenant_id, event_id, event_type, occurred_at, subject_id, data from outbox_event
         where fanned_out = false and event_type = 'invoice.finalized'
         order by seq fetch first 500 rows only for update skip locked
        """); ResultSet rs = claim.executeQuery()) {
      while (rs.next()) {
        claimed.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getString(6)});
      }
    }
    if (claimed.isEmpty()) {
      db.commit();
      return 0;
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (PreparedStatement insert = db.prepareStatement(
        """
        insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, attempts, created_at, next_attempt_at)
        values (?, ?, ?, 'WEBHOOK', ?, 'PENDING', 0, ?, ?) on conflict do nothing
        """); PreparedStatement mark = db.prepareStatement("update outbox_event set fanned_out = true where event_id = any (?)")) {
      List<Object> ids = new ArrayList<>();
      for (Object[] e : claimed) {
        insert.setObject(1, e[0]);
        insert.setObject(2, UUID.randomUUID());
        insert.setObject(3, e[1]);
        insert.setString(4, target);
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.addBatch();
        ids.add(e[1]);
      }
      insert.executeBatch();
      mark.setArray(1, db.createArrayOf("uuid", ids.toArray()));
      mark.executeUpdate();
    }
    db.commit();
    return claimed.size();
  }

  static int mark(Connection db) throws Exception {
    List<Object[]> due = new ArrayList<>();
    try (PreparedStatement claim = db.prepareStatement(
        """
        select tenant_id, delivery_id, event_id from delivery
         where status = 'PENDING' and next_attempt_at <= now() and channel in ('WEBHOOK')
         order by next_attempt_at fetch first 100 rows only for update skip locked
        """); ResultSet rs = claim.executeQuery()) {
      while (rs.next()) {
        due.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3)});
      }
    }
    if (due.isEmpty()) {
      db.commit();
      return 0;
    }
    try (PreparedStatement read = db.prepareStatement(
        "select tenant_id, event_id, event_type, occurred_at, subject_id, data from outbox_event where event_id = any (?)")) {
      read.setArray(1, db.createArrayOf("uuid", due.stream().map(d -> d[2]).toArray()));
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          rs.getString(6);
        }
      }
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (PreparedStatement attempt = db.prepareStatement(
        """
        insert into delivery_attempt (tenant_id, delivery_id, attempt_no, attempted_at, outcome, code, latency_ms, detail)
        values (?, ?, 1, ?, 'DELIVERED', 204, 1, '')
        """); PreparedStatement update = db.prepareStatement(
        """
        update delivery set status = 'DELIVERED', attempts = 1, last_attempt_at = ?, last_code = 204,
               last_detail = '', next_attempt_at = ?, finished_at = ? where tenant_id = ? and delivery_id = ?
        """)) {
      for (Object[] d : due) {
        attempt.setObject(1, d[0]);
        attempt.setObject(2, d[1]);
        attempt.setTimestamp(3, now);
        attempt.addBatch();
        update.setTimestamp(1, now);
        update.setTimestamp(2, now);
        update.setTimestamp(3, now);
        update.setObject(4, d[0]);
        update.setObject(5, d[1]);
        update.addBatch();
      }
      attempt.executeBatch();
      update.executeBatch();
    }
    db.commit();
    return due.size();
  }
}
