package org.billingcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.billingcenter.shared.TenantId;
import org.billingcenter.testing.LongVariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Dispatchers with threads of their own, as nodes run them: three on one database send every
 * delivery exactly once while events keep arriving, and a commit wakes a dispatcher long before its
 * poll interval would.
 */
class ThreeDispatchersIT extends AbstractOutboxIT {

  static final int EVENTS = LongVariant.pick(300, 3_000);

  @Autowired OutboxRepository repository;
  @Autowired PurgeRepository purges;
  @Autowired OutboxWakeUp wakeUp;
  @Autowired OutboxMetrics metrics;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationContext context;

  private final List<OutboxDispatcher> started = new ArrayList<>();

  @AfterEach
  void stopDispatchers() {
    started.forEach(OutboxDispatcher::destroy);
    channel.slow(0);
  }

  /**
   * These dispatchers work for every organisation, like real nodes: what earlier tests of the shared
   * database left due (mails, retries to receivers long closed) is parked, so they work on this
   * test's deliveries alone.
   */
  @BeforeEach
  void parkOtherTestsDeliveries() {
    jdbc.sql("update delivery set next_attempt_at = :later where status = 'PENDING'")
        .param("later", org.billingcenter.shared.Utc.of(clock.instant().plus(Duration.ofDays(3650)))).update();
    jdbc.sql("update outbox_event set fanned_out = true where fanned_out = false").update();
  }

  private OutboxDispatcher node(Duration poll) {
    OutboxSettings settings = new OutboxSettings(true, poll, Duration.ZERO, 100, 25, 4,
        new OutboxSettings.Retry(Duration.ofSeconds(5), 3, Duration.ofHours(10), Duration.ofDays(3), 0.2), Duration.ZERO);
    OutboxDispatcher d = new OutboxDispatcher(repository, purges, context.getBeanProvider(DeliveryChannel.class),
        transactions, settings, clock, wakeUp, metrics);
    started.add(d);
    d.start();
    return d;
  }

  @Test
  void three_dispatchers_send_each_delivery_exactly_once() throws Exception {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("three");
    channel.route(tenant, target);
    channel.slow(2);
    for (int i = 0; i < 3; i++) {
      node(Duration.ofMillis(50));
    }

    long start = System.nanoTime();
    List<UUID> events = new ArrayList<>();
    for (int batch = 0; batch < EVENTS / 50; batch++) {
      events.addAll(tx.execute(s -> {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          ids.add(outbox.append(tenant, EventType.INVOICE_FINALIZED, UUID.randomUUID(), Map.of("n", i)));
        }
        return ids;
      }));
    }
    await(() -> delivered(target) == EVENTS, Duration.ofSeconds(LongVariant.pick(120, 600)));
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    Thread.sleep(300); // let a wrongly repeated send show itself

    List<ScriptedChannel.Sent> sends = channel.sentTo(target);
    Map<String, Long> byNode = sends.stream()
        .collect(Collectors.groupingBy(s -> s.thread().replaceAll("-send-\\d+$", ""), Collectors.counting()));
    System.out.printf("three dispatchers, %d deliveries (2 ms each) in %d ms from the first append: sends per dispatcher %s%n",
        EVENTS, millis, byNode);
    assertThat(delivered(target)).isEqualTo(EVENTS);
    assertThat(sends).hasSize(EVENTS);
    assertThat(sends.stream().map(ScriptedChannel.Sent::deliveryId).distinct().count()).isEqualTo(EVENTS);
    assertThat(sends.stream().map(ScriptedChannel.Sent::eventId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(events);
    assertThat(jdbc.sql("select count(*) from delivery_attempt a join delivery d on d.tenant_id = a.tenant_id and d.delivery_id = a.delivery_id where d.target = :t")
        .param("t", ScriptedChannel.PREFIX + target).query(Long.class).single()).isEqualTo(EVENTS);
  }

  @Test
  void a_commit_that_wrote_events_wakes_the_dispatcher_before_its_poll_interval() throws Exception {
    node(Duration.ofMinutes(10));
    Thread.sleep(500); // its first round is done; it now sleeps for ten minutes unless woken
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("wake");
    channel.route(tenant, target);

    long start = System.nanoTime();
    append(tenant);
    await(() -> delivered(target) == 1, Duration.ofSeconds(20));

    assertThat(delivered(target)).isEqualTo(1);
    System.out.printf("woken dispatcher delivered in %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  private long delivered(String target) {
    return jdbc.sql("select count(*) from delivery where target = :t and status = 'DELIVERED'")
        .param("t", ScriptedChannel.PREFIX + target).query(Long.class).single();
  }

  private static void await(BooleanSupplier done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
