package org.billingcenter.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load generator for {@code POST /api/v1/subscriptions/{id}/cancellation} that keeps the
 * client's record of what the service acknowledged (a 200 and its body, per Idempotency-Key), so a
 * test can reconcile the database against it after a fault. Requests are spread over the nodes.
 */
public final class CancelTraffic {

  /** One cancellation to ask for, always with the same Idempotency-Key. */
  public record Target(String username, String password, String subscription, String key) {}

  /** An answer the client received. */
  public record Answer(int status, String body, boolean replayed) {

    private static final Pattern CREDIT = Pattern.compile("\"credit\":\\{\"amountMinor\":(\\d+)");

    /** The credit the acknowledged cancellation promised, in minor units. */
    public long creditMinor() {
      Matcher m = CREDIT.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
  /** Idempotency-Key → the first 200 the client saw for it. */
  private final Map<String, Answer> acknowledged = new ConcurrentHashMap<>();
  /** HTTP status (or -1 for no answer at all) → how many times it came back. */
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

  /**
   * Sends each target once, from {@code clients} threads, to the nodes in turn; a request that
   * gets no 200 stays unacknowledged. {@code afterEach} runs after every request (e.g. to pull a
   * trigger once enough are acknowledged).
   */
  public void sendEach(List<Target> targets, List<ServiceNode> nodes, int clients, Runnable afterEach)
      throws InterruptedException {
    AtomicInteger cursor = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.execute(() -> {
        for (int i = cursor.getAndIncrement(); i < targets.size(); i = cursor.getAndIncrement()) {
          send(targets.get(i), nodes.get(i % nodes.size()));
          afterEach.run();
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("the load did not finish in 3 minutes");
    }
  }

  /** Sends one request and returns its answer (status -1 when the node did not answer). */
  public Answer send(Target target, ServiceNode node) {
    String auth = Base64.getEncoder().encodeToString(
        (target.username() + ":" + target.password()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(node.uri("/api/v1/subscriptions/" + target.subscription() + "/cancellation"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + auth)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", target.key())
        .POST(HttpRequest.BodyPublishers.ofString("{\"when\":\"NOW\",\"reason\":\"OTHER\"}"))
        .build();
    Answer answer;
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      answer = new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Idempotent-Replayed").isPresent());
    } catch (java.io.IOException e) {
      answer = new Answer(-1, e.toString(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = new Answer(-1, e.toString(), false);
    }
    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
    if (answer.status() == 200) {
      acknowledged.putIfAbsent(target.key(), answer);
    }
    return answer;
  }

  public Map<String, Answer> acknowledged() {
    return acknowledged;
  }

  /** How often each status came back (-1: no answer). */
  public Map<Integer, Integer> statuses() {
    Map<Integer, Integer> copy = new java.util.TreeMap<>();
    statuses.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }
}
