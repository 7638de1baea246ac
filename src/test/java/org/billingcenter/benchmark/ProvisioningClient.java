package org.billingcenter.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operator's provisioning script, as a customer would write it: create an organisation (with
 * the operator's API key) asking for the organisation's own key, then with that key add a payment
 * method, buy 5 licenses of a monthly plan and cancel the subscription at once (a prorated credit).
 * Every POST carries an {@code Idempotency-Key}, as the API asks of calls that change state.
 */
final class ProvisioningClient {

  static final String[] STEPS = {"create organisation", "add payment method", "buy 5 licenses", "cancel now"};
  static final String PLAN = "harbor-monthly";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String operator;
  private final String run;
  private final boolean adminPassword;

  /**
   * {@code operator}: the whole Authorization header value of the operator's credential;
   * {@code adminPassword}: whether the first admin gets a password (else he is invited, when the
   * service allows that).
   */
  ProvisioningClient(String base, String operator, String run, boolean adminPassword) {
    this.base = base;
    this.operator = operator;
    this.run = run;
    this.adminPassword = adminPassword;
  }

  /** {@code operator}: the whole Authorization header value of the operator's credential. */
  ProvisioningClient(String base, String operator, String run) {
    this(base, operator, run, true);
  }

  /** Nanoseconds per step; throws with the step's answer when a step fails. */
  long[] sequence() throws Exception {
    long n = SEQUENCE.incrementAndGet();
    String username = "pb-" + run + "-" + n;
    long[] took = new long[STEPS.length];
    long t0 = System.nanoTime();
    String created = post("/api/v1/tenants", operator, username + "-t", """
        {"name":"Provisioned %s","country":"IE","locale":"en","timeZone":"Europe/Dublin","currency":"EUR",
         "admin":{"username":"%s","displayName":"First Admin %s",%s"email":"%s@example.org"},
         "apiKey":{"name":"provisioning","role":"GLOBAL_ADMIN"}}""".formatted(n, username, n,
        adminPassword ? "\"password\":\"Rw-" + run + n + "-long-enough!\"," : "", username), 201);
    long t1 = System.nanoTime();
    took[0] = t1 - t0;
    Matcher secret = SECRET.matcher(created);
    String key = secret.find()
        ? "Bearer " + secret.group(1)
        // Before the API-key branch is merged the answer carries no key: the first admin's password.
        : "Basic " + Base64.getEncoder().encodeToString((username + ":Rw-" + run + n + "-long-enough!")
            .getBytes(StandardCharsets.UTF_8));
    String method = post("/api/v1/payment-methods", key, username + "-pm",
        "{\"token\":\"tok_" + n + "\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2035}", 201);
    long t2 = System.nanoTime();
    took[1] = t2 - t1;
    String subscription = post("/api/v1/subscriptions", key, username + "-buy",
        "{\"planId\":\"" + PLAN + "\",\"quantity\":5,\"paymentMethodId\":\"" + id(method) + "\"}", 201);
    long t3 = System.nanoTime();
    took[2] = t3 - t2;
    post("/api/v1/subscriptions/" + id(subscription) + "/cancellation", key, username + "-cancel",
        "{\"when\":\"NOW\",\"reason\":\"OTHER\"}", 200);
    took[3] = System.nanoTime() - t3;
    return took;
  }

  static boolean usesKeys(String createdAnswer) {
    return SECRET.matcher(createdAnswer).find();
  }

  String post(String path, String authorization, String idempotencyKey, String json, int expected) throws Exception {
    HttpResponse<String> response = send(path, authorization, idempotencyKey, json);
    if (response.statusCode() != expected) {
      throw new IllegalStateException("POST " + path + " → " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  HttpResponse<String> send(String path, String authorization, String idempotencyKey, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return m.group(1);
  }
}
