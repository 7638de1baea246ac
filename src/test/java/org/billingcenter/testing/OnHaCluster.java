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

  /** Runs {@code bin/ha-cluster <command>} and returns what it printed; fails if it fails. */
  static String cluster(String command) {
    try {
      Process p = new ProcessBuilder("bash", "bin/ha-cluster", command).redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("bin/ha-cluster " + command + " did not finish in 5 minutes");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("bin/ha-cluster " + command + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
