package org.billingcenter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Marks a {@link ServiceNodesIT} that runs on the Patroni cluster of {@code bin/ha-cluster} (issue
 * 19) instead of the suite's database, in the PostgreSQL run: {@code .ci/run} starts the cluster and
 * passes {@code -Dbilling.test.ha.url}. Without it such a test does not run, loudly; under
 * {@code CI=true} it fails, as the PostgreSQL suite does.
 */
public interface OnHaCluster {

  /** The cluster's multi-host JDBC URL. */
  static String url() {
    String url = System.getProperty("billing.test.ha.url", "").strip();
    if (url.isEmpty()) {
      String why = "no Patroni cluster: start bin/ha-cluster and pass -Dbilling.test.ha.url=$(bin/ha-cluster url)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + why);
      }
      System.err.printf("%n*** The failover tests did NOT run: %s ***%n%n", why);
      Assumptions.abort(why);
    }
    return url;
  }

  /** Runs {@code bin/ha-cluster <command> [arguments]} and returns what it printed; fails if it fails. */
  static String cluster(String... command) {
    try {
      java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("bash", "bin/ha-cluster"));
      line.addAll(java.util.List.of(command));
      Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("bin/ha-cluster " + String.join(" ", command) + " did not finish in 5 minutes");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("bin/ha-cluster " + String.join(" ", command) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** True when a member's REST API answers 200 on /primary (ports 8008-8010): a server takes writes. */
  static boolean hasPrimary() {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(1)).build();
    for (int port = 8008; port <= 8010; port++) {
      try {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/primary"))
            .timeout(java.time.Duration.ofSeconds(2)).build();
        if (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException unreachable) {
        // that member is down
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
