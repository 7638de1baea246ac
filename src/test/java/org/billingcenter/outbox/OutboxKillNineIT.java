package org.billingcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.billingcenter.shared.TenantId;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node in its own JVM claims deliveries and is sending them to a receiver on loopback that holds
 * the requests; the node is killed with SIGKILL mid-send and started again. The receiver gets every
 * event again under the same event and delivery ids: after de-duplication by id, each once, none lost.
 */
class OutboxKillNineIT extends ServiceNodesIT {

  static final int EVENTS = LongVariant.pick(6, 60);

  /** One request as the receiver saw it. */
  record Received(String eventId, String deliveryId) {}

  @Test
  void a_node_killed_while_sending_delivers_everything_after_restart_once_per_id() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService handlers = Executors.newCachedThreadPool();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    boolean[] holding = {true};
    receiver.createContext("/hook", exchange -> {
      received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
          exchange.getRequestHeaders().getFirst("x-delivery-id")));
      exchange.getRequestBody().readAllBytes();
      if (holding[0]) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.setExecutor(handlers);
    receiver.start();
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

    TenantId tenant = tenants.tenant(0).id();
    TransactionTemplate tx = new TransactionTemplate(parent.getBean(PlatformTransactionManager.class));
    Outbox outbox = parent.getBean(Outbox.class);
    List<UUID> events = tx.execute(s -> {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        ids.add(outbox.append(tenant, EventType.SUBSCRIPTION_CANCELLED, UUID.randomUUID(), Map.of("n", i)));
      }
      return ids;
    });

    List<String> settings = new ArrayList<>(settings("--billing-center.outbox.poll-interval=200ms"));
    settings.addAll(LoopbackChannel.settings(url, tenant.value()));
    ServiceNode node = ServiceNode.start("outbox-kill-nine", settings);
    Set<String> heldIds;
    try {
      int inFlight = Math.min(EVENTS, 16); // send-concurrency: the rest wait, claimed, behind them
      await(() -> received.size() >= inFlight, Duration.ofSeconds(180));
      assertThat(received).as("the node claimed and is sending").hasSizeGreaterThanOrEqualTo(inFlight);
      assertThat(count("select count(*) from delivery where tenant_id = ? and status = 'PENDING' and attempts = 0",
          tenant.value())).as("nothing recorded while the sends hang").isEqualTo(EVENTS);

      node.kill(); // SIGKILL mid-send: its transaction and row locks die with its connections
      heldIds = received.stream().map(Received::eventId).collect(Collectors.toSet());
      holding[0] = false;
      release.countDown();

      node.restart();
      await(() -> count("select count(*) from delivery where tenant_id = ? and status = 'DELIVERED'", tenant.value()) == EVENTS,
          Duration.ofSeconds(180));
    } finally {
      node.close();
      receiver.stop(0);
      handlers.shutdownNow();
    }

    assertThat(count("select count(*) from delivery where tenant_id = ? and status = 'DELIVERED'", tenant.value()))
        .as("nothing lost").isEqualTo(EVENTS);
    Map<String, Set<String>> deliveryIdsByEvent = received.stream().collect(
        Collectors.groupingBy(Received::eventId, Collectors.mapping(Received::deliveryId, Collectors.toSet())));
    assertThat(deliveryIdsByEvent.keySet()).as("once per id after de-duplication")
        .containsExactlyInAnyOrderElementsOf(events.stream().map(UUID::toString).toList());
    assertThat(deliveryIdsByEvent.values()).as("one delivery id per event, on every try").allSatisfy(ids -> assertThat(ids).hasSize(1));
    Map<String, Long> timesByEvent = received.stream().collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
    assertThat(timesByEvent).as("a send cut by the kill came once more; one claimed behind them, once")
        .allSatisfy((id, times) -> assertThat(times).isEqualTo(heldIds.contains(id) ? 2L : 1L));
    assertThat(count("select count(*) from delivery_attempt where tenant_id = ?", tenant.value()))
        .as("the killed tries left no record").isEqualTo(EVENTS);
  }

  private static void await(BooleanSupplier done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
