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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: faults of the Patroni cluster ({@code bin/ha-cluster}, synchronous replication, three
 * etcd members) under a cancellation load sent by 4 clients to two service nodes, each request with
 * its own Idempotency-Key: the primary dies (Patroni promotes the synchronous replica; the nodes find
 * it by themselves through the multi-host URL, answering 503 meanwhile, never 500), the synchronous
 * replica and an etcd member die (writes go on), the DCS loses its quorum (the primary demotes
 * itself; 503 until etcd is back). The clients retry with the same keys. Reconciled against the clients' record: every
 * acknowledged cancellation is there exactly once with one credit and one audit row, nothing refused
 * is half-written; the lost member rejoins.
 */
class FailoverIT extends ServiceNodesIT implements OnHaCluster {

  static final int TENANTS = LongVariant.pick(8, 40);
  static final int PER_TENANT = 10;

  /** Two service nodes for all the faults: nodes outlive a failover, and a node's start is the slow part. */
  static ServiceNode a;
  static ServiceNode b;

  @BeforeAll
  static void startNodes() throws Exception {
    a = ServiceNode.start("failover-a", settings());
    b = ServiceNode.start("failover-b", settings());
  }

  @AfterAll
  static void stopNodes() throws InterruptedException {
    for (ServiceNode node : new ServiceNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void acknowledged_cancellations_survive_the_primary_s_death_exactly_once() throws Exception {
    Map<Integer, Integer> statuses = cancelLoadThrough("failover-", client -> OnHaCluster.cluster("kill-primary"));
    assertThat(statuses).as("never a 500, whatever the moment").doesNotContainKey(500);
  }

  /**
   * One etcd member and the synchronous replica die: two etcd members keep the DCS's quorum, and
   * Patroni names the other replica synchronous; a commit waits for that at most.
   */
  @Test
  void losing_an_etcd_member_and_the_synchronous_replica_stops_no_write() throws Exception {
    Map<Integer, Integer> statuses = cancelLoadThrough("replica-",
        client -> OnHaCluster.cluster("kill-etcd", "1") + OnHaCluster.cluster("kill-replica"));
    assertThat(statuses).as("every request answered as without the fault").containsOnlyKeys(200);
  }

  /**
   * Two of the three etcd members die: the DCS has no quorum, so the primary cannot renew its leader
   * key and demotes itself (no split brain: no server takes writes without the DCS). The service
   * answers 503 meanwhile, never a 500 and never a write; etcd back, a leader is elected and the
   * clients' retries complete.
   */
  @Test
  void without_a_dcs_quorum_the_primary_demotes_itself_and_the_service_answers_503() throws Exception {
    // Sent while no server is the primary (the load itself may be over before the demotion).
    Cancellable late = cancellable(2, 3, "dcs-late-");
    Map<Integer, Integer> statuses = cancelLoadThrough("dcs-", client -> {
      String report = OnHaCluster.cluster("kill-etcd", "2");
      long killed = System.nanoTime();
      long deadline = killed + Duration.ofSeconds(60).toNanos();
      while (OnHaCluster.hasPrimary() && System.nanoTime() < deadline) {
        sleep(200);
      }
      assertThat(OnHaCluster.hasPrimary()).as("the primary demoted itself without the DCS").isFalse();
      long demotedAfter = Duration.ofNanos(System.nanoTime() - killed).toMillis();
      sleep(3_000); // the node's pool meets the demoted server
      List<Integer> answers = late.targets().stream().map(t -> client.send(t, a).status()).toList();
      assertThat(answers).as("no primary: 503, never a write").containsOnly(503);
      return report + " no primary " + demotedAfter + " ms after; cancellations then: " + answers + "; etcd restarted: "
          + OnHaCluster.cluster("start").lines().filter(l -> l.contains("Leader")).findFirst().orElse("").strip();
    });
    assertThat(statuses).as("never a 500").doesNotContainKey(500).as("503 while no server takes writes").containsKey(503);
    assertThat(cancelled(late.tenants())).as("nothing written while there was no primary").isZero();
    assertThat(countOver(late.tenants(), "select count(*) from credit where tenant_id in (:tenants)")).isZero();
  }

  /** A fault of the cluster, run while the load goes on; may send through the nodes with {@code client} meanwhile. */
  interface Fault {
    String run(CancelTraffic client) throws Exception;
  }

  /**
   * 4 clients cancel through two service nodes; after a third are acknowledged {@code fault} runs
   * (in its own thread: the clients keep sending). Then every request is retried with its key until
   * answered 200: an acknowledged one is replayed, not redone. Reconciled against the clients' record;
   * the cluster is made whole again and must show a leader and two replicas. Returns the statuses
   * the clients saw before the retries.
   */
  private Map<Integer, Integer> cancelLoadThrough(String keyPrefix, Fault fault) throws Exception {
    Cancellable load = cancellable(TENANTS, PER_TENANT, keyPrefix);
    List<Target> targets = load.targets();
    List<UUID> tenantIds = load.tenants();
    CancelTraffic client = new CancelTraffic();
    Map<Integer, Integer> statuses;
    // Just started, or after the previous fault: they found the repaired cluster by themselves.
    a.awaitReady(Duration.ofSeconds(120));
    b.awaitReady(Duration.ofSeconds(120));
    AtomicBoolean faulted = new AtomicBoolean();
    AtomicLong faultAt = new AtomicLong();
    AtomicReference<String> faultReport = new AtomicReference<>();
    AtomicReference<Throwable> faultFailed = new AtomicReference<>();
    AtomicLong readyAgainMs = new AtomicLong(-1);
    int faultAfter = targets.size() / 3;
    Thread faulting = new Thread(() -> {
      try {
        faultReport.set(fault.run(client));
      } catch (Throwable e) {
        faultFailed.set(e);
      }
    }, "fault");
    Thread probe = new Thread(() -> readyAgainMs.set(readyAgain(a, faultAt, faulting)), "readiness-probe");
    client.sendEach(targets, List.of(a, b), 4, () -> {
      if (client.acknowledged().size() >= faultAfter && faulted.compareAndSet(false, true)) {
        faultAt.set(System.nanoTime());
        faulting.start(); // blocks until the fault is done, while the clients keep sending
        probe.start();
      }
    });
    assertThat(faulted).as("the fault came mid-load").isTrue();
    faulting.join(Duration.ofMinutes(3).toMillis());
    probe.join(Duration.ofMinutes(3).toMillis());
    assertThat(faultFailed.get()).as("the fault ran").isNull();
    Map<String, Answer> beforeRetries = Map.copyOf(client.acknowledged());
    statuses = Map.copyOf(client.statuses());

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
    System.out.printf("%s under cancel load: %d of %d acknowledged before the retries, answers %s; %s;"
            + " service node readiness: %s%n",
        keyPrefix, beforeRetries.size(), targets.size(), statuses, faultReport.get().strip().replace('\n', ' '),
        readyAgainMs.get() < 0 ? "never went down" : "ready again " + readyAgainMs.get() + " ms after the fault");

    reconciled(tenantIds, targets.size(), client);

    // The lost member comes back (a killed primary as a replica of the new one): the cluster is whole again.
    String status = OnHaCluster.cluster("start");
    System.out.println(status);
    assertThat(status.lines().filter(l -> l.contains("| Leader")).count()).isEqualTo(1);
    assertThat(status.lines().filter(l -> l.contains("| Replica") || l.contains("| Sync Standby")).count()).isEqualTo(2);
    return statuses;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ms from the fault until node {@code a}'s readiness answers 200 after having answered otherwise;
   * -1 if it never went down (checked until 5 s after the fault's thread ended) or never came back.
   */
  private static long readyAgain(ServiceNode a, AtomicLong killedAt, Thread fault) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean sawDown = false;
    long faultEnded = 0;
    while (System.nanoTime() - killedAt.get() < Duration.ofSeconds(150).toNanos()) {
      if (!sawDown && !fault.isAlive()) {
        faultEnded = faultEnded == 0 ? System.nanoTime() : faultEnded;
        if (System.nanoTime() - faultEnded > Duration.ofSeconds(5).toNanos()) {
          return -1;
        }
      }
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
