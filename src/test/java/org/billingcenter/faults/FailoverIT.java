package org.billingcenter.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.billingcenter.testing.CancelTraffic;
import org.billingcenter.testing.CancelTraffic.Answer;
import org.billingcenter.testing.CancelTraffic.Target;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.OnHaCluster;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the primary of the Patroni cluster ({@code bin/ha-cluster}, synchronous replication)
 * dies under a cancellation load sent by 4 clients to two service nodes, each request with its own
 * Idempotency-Key. Patroni promotes the synchronous replica; the nodes find it by themselves (the
 * multi-host URL), answering 503 meanwhile, never 500; the clients retry with the same keys.
 * Reconciled against the clients' record: every acknowledged cancellation is there exactly once with
 * one credit and one audit row, nothing refused is half-written; the killed server rejoins as a
 * replica.
 */
class FailoverIT extends ServiceNodesIT implements OnHaCluster {

  static final int TENANTS = LongVariant.pick(8, 40);
  static final int PER_TENANT = 10;

  @Test
  void acknowledged_cancellations_survive_the_primary_s_death_exactly_once() throws Exception {
    Cancellable load = cancellable(TENANTS, PER_TENANT, "failover-");
    List<Target> targets = load.targets();
    List<UUID> tenantIds = load.tenants();
    CancelTraffic client = new CancelTraffic();
    try (ServiceNode a = ServiceNode.start("failover-a", settings());
        ServiceNode b = ServiceNode.start("failover-b", settings())) {
      a.awaitReady(Duration.ofSeconds(120));
      b.awaitReady(Duration.ofSeconds(120));
      AtomicBoolean killed = new AtomicBoolean();
      AtomicLong killedAt = new AtomicLong();
      AtomicReference<String> killReport = new AtomicReference<>();
      AtomicLong readyAgainMs = new AtomicLong(-1);
      int killAfter = targets.size() / 3;
      Thread killer = new Thread(() -> killReport.set(OnHaCluster.cluster("kill-primary")), "kill-primary");
      Thread probe = new Thread(() -> readyAgainMs.set(readyAgain(a, killedAt)), "readiness-probe");
      client.sendEach(targets, List.of(a, b), 4, () -> {
        if (client.acknowledged().size() >= killAfter && killed.compareAndSet(false, true)) {
          killedAt.set(System.nanoTime());
          killer.start(); // blocks until a replica took a write, while the clients keep sending
          probe.start();
        }
      });
      assertThat(killed).as("killed mid-load").isTrue();
      killer.join(Duration.ofMinutes(2).toMillis());
      probe.join(Duration.ofMinutes(2).toMillis());
      Map<String, Answer> beforeRetries = Map.copyOf(client.acknowledged());
      assertThat(client.statuses()).as("never a 500, whatever the moment").doesNotContainKey(500);

      // The clients retry everything with the same keys until each is answered 200.
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      for (int i = 0; i < targets.size(); i++) {
        Target target = targets.get(i);
        Answer again = client.send(target, i % 2 == 0 ? a : b);
        while (again.status() != 200 && System.nanoTime() < deadline) {
          assertThat(again.status()).as("retry of %s", target.key()).isIn(503, -1);
          Thread.sleep(500);
          again = client.send(target, i % 2 == 0 ? a : b);
        }
        assertThat(again.status()).as("retry of %s", target.key()).isEqualTo(200);
        Answer first = beforeRetries.get(target.key());
        if (first != null) {
          assertThat(again.replayed()).as("an acknowledged request is replayed, not redone").isTrue();
          assertThat(again.body()).isEqualTo(first.body());
        }
      }
      System.out.printf("failover under cancel load: %d of %d acknowledged before the retries, answers %s; %s"
              + " service node ready again %d ms after the kill%n",
          beforeRetries.size(), targets.size(), client.statuses(), killReport.get().strip().replace('\n', ' '),
          readyAgainMs.get());
    }

    reconciled(tenantIds, targets.size(), client);

    // The killed server comes back as a replica of the new primary: the cluster is whole again.
    String status = OnHaCluster.cluster("start");
    System.out.println(status);
    assertThat(status.lines().filter(l -> l.contains("| Leader")).count()).isEqualTo(1);
    assertThat(status.lines().filter(l -> l.contains("| Replica") || l.contains("| Sync Standby")).count()).isEqualTo(2);
  }

  /** Ms from the kill until node {@code a}'s readiness answers 200 after having answered otherwise; -1 if never. */
  private static long readyAgain(ServiceNode a, AtomicLong killedAt) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean sawDown = false;
    while (System.nanoTime() - killedAt.get() < Duration.ofSeconds(90).toNanos()) {
      int status;
      try {
        status = http.send(HttpRequest.newBuilder(a.uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.io.IOException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      if (status != 200) {
        sawDown = true;
      } else if (sawDown) {
        return Duration.ofNanos(System.nanoTime() - killedAt.get()).toMillis();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return -1;
  }
}
