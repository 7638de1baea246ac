package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.billingcenter.shared.TenantId;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.OnHaCluster;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.billingcenter.testing.ShiftedClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: a billing run in progress when the cluster's primary changes — killed (SIGKILL), or
 * handed over in a planned switchover — finishes by itself on the new primary: the batch the
 * change caught rolled back and is tried again (OutagePatience), the ones committed before are not
 * billed again, and the result is exactly that of an uninterrupted run.
 */
class BillingRunFailoverIT extends ServiceNodesIT implements OnHaCluster {

  static final int TENANTS = LongVariant.pick(30, 600);
  /** Between batches: the run's last two thirds last longer than a switchover takes to begin. */
  static final String PAUSE = LongVariant.pick(500, 40) + "ms";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kill-primary", "switchover"})
  void a_run_in_progress_finishes_on_the_new_primary_billing_everything_once(String change) throws Exception {
    List<UUID> ids = KillNineIT.seed(parent, TENANTS).stream().map(TenantId::value).toList();
    LocalDate renewal = jdbc.sql("select max(current_period_end) from subscription where tenant_id in (:t)")
        .param("t", ids).query(LocalDate.class).single();

    // The renewal is a month ahead: the command runs on a clock moved to that day (else it refuses the date).
    List<String> command = new ArrayList<>(settings("--billing-center.run-once=" + renewal,
        "--billing-center.billing.batch-tenants=2", "--billing-center.billing.pause-between-batches=" + PAUSE));
    command.addAll(ShiftedClock.on(renewal));
    String name = "billing-run-" + change;
    long started = System.nanoTime();
    Process run = ServiceNode.command(name, command);
    long charged = KillNineIT.awaitSomeButNotAll(jdbc, ids, renewal, run, TENANTS); // a third of the charges
    assertThat(run.isAlive()).as("the run is in progress at the change").isTrue();
    assertThat(charged).as("part of it committed before the change").isBetween(1L, TENANTS * 3L - 1);
    String report = OnHaCluster.cluster(change);
    assertThat(run.isAlive()).as("the run goes on after the new primary took its first write: the change came mid-run").isTrue();

    assertThat(run.waitFor(4, TimeUnit.MINUTES)).as("the run ends by itself").isTrue();
    assertThat(run.exitValue()).as("the run finished (0), it did not stop part-way (1)").isEqualTo(RunOnceCommand.DONE);
    long runMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (change.equals("kill-primary")) {
      // 10 s without a primary is longer than the pool waits for a connection (3 s): a batch failed and was tried again.
      assertThat(java.nio.file.Files.readString(ServiceNode.log(name)))
          .as("the run waited for the new primary (OutagePatience)")
          .contains("the database is unavailable").contains("done after the database came back");
    }
    awaitPrimary();
    // Collections the change caught mid-call stay SENT with their answers lost; the sweep (every
    // minute in production) asks the provider again with the same keys until none is left (the
    // command's clock ran a month ahead of this JVM's, so "older than" reaches into its future).
    var dunning = parent.getBean(org.billingcenter.payment.DunningRun.class);
    long sweepUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    do {
      dunning.resumeUnanswered(Duration.ofDays(-40));
    } while (unanswered(ids) > 0 && System.nanoTime() < sweepUntil && pause());
    KillNineIT.billedExactlyOnce(jdbc, ids, renewal);
    System.out.printf("billing run through a %s: %d tenants, %d of %d charges committed before it; %s; run done in %d ms%n",
        change, TENANTS, charged, TENANTS * 3L, report.strip().replace('\n', ' '), runMs);

    String status = OnHaCluster.cluster("start");
    assertThat(status.lines().filter(l -> l.contains("| Leader")).count()).isEqualTo(1);
    assertThat(status.lines().filter(l -> l.contains("| Replica") || l.contains("| Sync Standby")).count()).isEqualTo(2);
  }

  private static long unanswered(List<UUID> ids) {
    return jdbc.sql("select count(*) from payment_attempt where tenant_id in (:t) and status in ('QUEUED', 'SENT')")
        .param("t", ids).query(Long.class).single();
  }

  private static boolean pause() throws InterruptedException {
    Thread.sleep(1000);
    return true;
  }

  /** This JVM's pool meets the dead connections first: a query answered means it found the new primary. */
  private static void awaitPrimary() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        jdbc.sql("select 1").query(Integer.class).single();
        return;
      } catch (org.springframework.dao.DataAccessException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(500);
      }
    }
  }
}
