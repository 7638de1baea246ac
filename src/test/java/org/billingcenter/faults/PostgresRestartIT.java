package org.billingcenter.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.billingcenter.testing.CancelTraffic;
import org.billingcenter.testing.CancelTraffic.Answer;
import org.billingcenter.testing.CancelTraffic.Target;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PostgreSQL stopped and started again under a cancellation load: while it is down the node says
 * it is not ready and answers 503 with Retry-After (never a 500, never a 401); once it is back the
 * node is ready again by itself, the clients' retries go through, and every cancellation exists
 * exactly once with its credit and audit row. Needs {@code -Dbilling.test.pg.ctl=...} (the command
 * that, followed by stop or start, controls the server; .ci/run gives it).
 */
@EnabledIfSystemProperty(named = "billing.test.database", matches = "postgresql")
@EnabledIfSystemProperty(named = "billing.test.pg.ctl", matches = ".*\\S.*",
    disabledReason = "PostgresRestartIT did not run: set -Dbilling.test.pg.ctl (see pom.xml); .ci/run does")
class PostgresRestartIT extends ServiceNodesIT {

  static final int TENANTS = LongVariant.pick(20, 100);
  static final int PER_TENANT = 10;
  static final Duration OUTAGE = Duration.ofSeconds(LongVariant.pick(4, 20));

  @Test
  void the_service_goes_unready_recovers_by_itself_and_writes_nothing_half() throws Exception {
    Cancellable load = cancellable(TENANTS, PER_TENANT, "restart-");
    List<Target> targets = load.targets();
    List<UUID> tenantIds = load.tenants();
    CancelTraffic client = new CancelTraffic();
    ConcurrentLinkedQueue<Target> pending = new ConcurrentLinkedQueue<>(targets);
    AtomicInteger unexpected = new AtomicInteger();
    long sawUnready;
    long recoveredMillis;
    try (ServiceNode node = ServiceNode.start("pg-restart", settings())) {
      node.awaitReady(Duration.ofSeconds(90));
      ExecutorService clients = Executors.newFixedThreadPool(4);
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      for (int c = 0; c < 4; c++) {
        clients.execute(() -> {
          for (Target next = pending.poll(); next != null && System.nanoTime() < deadline; next = pending.poll()) {
            Answer answer = client.send(next, node);
            if (answer.status() == 503) {
              pending.add(next); // retry later with the same key, as Retry-After asks
              pause(200);
            } else if (answer.status() != 200) {
              unexpected.incrementAndGet();
              System.err.println("unexpected answer " + answer.status() + ": " + answer.body());
            }
            pause(5); // a steady load, not a flood: the outage should fall in its middle
          }
        });
      }
      awaitAcknowledged(client, targets.size() / 4);
      pg("stop");
      long stopped = System.nanoTime();
      sawUnready = 0;
      while (System.nanoTime() - stopped < OUTAGE.toNanos()) {
        if (node.readiness() == 503) {
          sawUnready++;
        }
        pause(100);
      }
      pg("start");
      long started = System.nanoTime();
      node.awaitReady(Duration.ofSeconds(60));
      recoveredMillis = (System.nanoTime() - started) / 1_000_000;
      clients.shutdown();
      assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("the load finished").isTrue();
    }
    Map<Integer, Integer> statuses = client.statuses();
    System.out.printf("PostgreSQL down %d s under load: readiness 503 on %d probes, ready again %d ms after the start; "
            + "answers %s%n", OUTAGE.toSeconds(), sawUnready, recoveredMillis, statuses);

    assertThat(sawUnready).as("readiness said DOWN while PostgreSQL was").isPositive();
    assertThat(statuses).as("the outage was felt").containsKey(503);
    assertThat(unexpected).as("no 500, no 401, no lost connection").hasValue(0);
    assertThat(client.acknowledged()).as("every cancellation acknowledged in the end").hasSize(targets.size());
    assertThat(countOver(tenantIds, "select count(*) from subscription where tenant_id in (:tenants) and status = 'DISABLED'"))
        .isEqualTo(targets.size());
    assertThat(countOver(tenantIds, "select count(*) from cancellation where tenant_id in (:tenants)")).isEqualTo(targets.size());
    assertThat(countOver(tenantIds, "select count(*) from credit where tenant_id in (:tenants)")).isEqualTo(targets.size());
    assertThat(countOver(tenantIds, "select count(*) from license_assignment where tenant_id in (:tenants)")).isZero();
    assertThat(countOver(tenantIds, "select count(*) from audit_event where tenant_id in (:tenants) and action = 'SUBSCRIPTION_CANCELLED'")).isEqualTo(targets.size());
    assertThat(countOver(tenantIds, "select coalesce(sum(amount_minor), 0) from credit where tenant_id in (:tenants)"))
        .isEqualTo(client.acknowledged().values().stream().mapToLong(Answer::creditMinor).sum());
  }

  private static void awaitAcknowledged(CancelTraffic client, int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (client.acknowledged().size() < n && System.nanoTime() < deadline) {
      pause(20);
    }
    assertThat(client.acknowledged().size()).as("load under way").isGreaterThanOrEqualTo(n);
  }

  private static void pg(String action) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", control() + " " + action).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(control() + " " + action).isZero();
  }

  private static String control() {
    return System.getProperty("billing.test.pg.ctl", "").strip();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
