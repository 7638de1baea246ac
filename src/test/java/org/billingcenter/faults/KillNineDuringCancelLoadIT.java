package org.billingcenter.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.billingcenter.testing.CancelTraffic;
import org.billingcenter.testing.CancelTraffic.Answer;
import org.billingcenter.testing.CancelTraffic.Target;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.junit.jupiter.api.Test;

/**
 * The service is SIGKILLed in the middle of a cancellation load, started again, and the client
 * retries what it did not see acknowledged, with the same Idempotency-Keys. The database is then
 * reconciled against the client's record: every acknowledged cancellation is there once, with the
 * credit the client was told; nothing is cancelled, credited or audited twice; the in-doubt
 * requests (in flight at the kill) were decided either way, never half.
 */
class KillNineDuringCancelLoadIT extends ServiceNodesIT {

  static final int TENANTS = LongVariant.pick(20, 100);
  static final int PER_TENANT = 10;

  @Test
  void nothing_acknowledged_is_lost_and_nothing_happens_twice() throws Exception {
    Cancellable load = cancellable(TENANTS, PER_TENANT, "kill-");
    List<Target> targets = load.targets();
    List<UUID> tenantIds = load.tenants();
    CancelTraffic client = new CancelTraffic();
    try (ServiceNode node = ServiceNode.start("kill-nine", settings())) {
      node.awaitReady(Duration.ofSeconds(90));
      AtomicBoolean killed = new AtomicBoolean();
      int killAfter = targets.size() / 3;
      client.sendEach(targets, List.of(node), 4, () -> {
        if (client.acknowledged().size() >= killAfter && killed.compareAndSet(false, true)) {
          try {
            node.kill();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      Map<String, Answer> beforeKill = Map.copyOf(client.acknowledged());
      assertThat(killed).as("killed mid-load").isTrue();
      assertThat(beforeKill.size()).as("acknowledged before the kill").isBetween(killAfter, targets.size() - 1);
      long inDoubtDone = cancelled(tenantIds) - beforeKill.size();

      node.restart().awaitReady(Duration.ofSeconds(90));
      for (Target target : targets) {
        Answer again = client.send(target, node);
        assertThat(again.status()).as("retry of %s", target.key()).isEqualTo(200);
        Answer first = beforeKill.get(target.key());
        if (first != null) {
          assertThat(again.replayed()).as("an acknowledged request is replayed, not redone").isTrue();
          assertThat(again.body()).isEqualTo(first.body());
        }
      }
      System.out.printf("kill -9 under cancel load: %d of %d acknowledged before the kill, %d more committed "
              + "but unacknowledged (in flight), answers %s%n",
          beforeKill.size(), targets.size(), inDoubtDone, client.statuses());
    }

    reconciled(tenantIds, targets.size(), client);
  }
}
