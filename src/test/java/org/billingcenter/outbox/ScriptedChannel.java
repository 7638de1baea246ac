package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.billingcenter.shared.TenantId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A webhook-channel stand-in for the outbox tests: routes the events of the tenants a test names to
 * targets {@code scripted:<name>}, answers each send from the target's script (DELIVERED once the
 * script is used up) and remembers every send. Not a component: tests {@code @Import} it, so it
 * never joins another context. It goes first, and handles only its own targets, so a real webhook
 * channel beside it keeps its own.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScriptedChannel implements DeliveryChannel {

  public static final String PREFIX = "scripted:";

  /** One send as the target saw it; {@code thread} tells which dispatcher sent it. */
  public record Sent(UUID deliveryId, UUID eventId, String target, Instant at, String thread) {}

  private final Clock clock;
  private final Map<TenantId, List<String>> routes = new ConcurrentHashMap<>();
  private final Map<String, Deque<Attempt.Outcome>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Attempt.Outcome> forever = new ConcurrentHashMap<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private volatile long sendMillis;

  ScriptedChannel(Clock clock) {
    this.clock = clock;
  }

  /** The tenant's events go to these targets (names without the prefix). */
  public void route(TenantId tenant, String... names) {
    routes.put(tenant, List.of(names).stream().map(n -> PREFIX + n).toList());
  }

  /** The next sends to {@code target} answer these outcomes, in order. */
  public void script(String target, Attempt.Outcome... outcomes) {
    scripts.put(PREFIX + target, new ConcurrentLinkedDeque<>(List.of(outcomes)));
  }

  /** Every send to {@code target} that its script does not answer answers {@code outcome}. */
  public void always(String target, Attempt.Outcome outcome) {
    forever.put(PREFIX + target, outcome);
  }

  /** Every send takes this long from now on (as a remote call would). */
  public void slow(long millis) {
    sendMillis = millis;
  }

  public List<Sent> sentTo(String name) {
    return sent.stream().filter(s -> s.target().equals(PREFIX + name)).toList();
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public boolean handles(String target) {
    return target.startsWith(PREFIX);
  }

  @Override
  public Map<UUID, List<String>> targetsFor(List<OutboxEvent> events) {
    return events.stream().filter(e -> routes.containsKey(e.tenant()))
        .collect(Collectors.toMap(OutboxEvent::eventId, e -> routes.get(e.tenant())));
  }

  @Override
  public Attempt send(Delivery delivery, OutboxEvent event) {
    sent.add(new Sent(delivery.deliveryId(), event.eventId(), delivery.target(), clock.instant(),
        Thread.currentThread().getName()));
    if (sendMillis > 0) {
      try {
        Thread.sleep(sendMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Deque<Attempt.Outcome> script = scripts.get(delivery.target());
    Attempt.Outcome next = script == null ? null : script.poll();
    Attempt.Outcome outcome = next != null ? next : forever.getOrDefault(delivery.target(), Attempt.Outcome.DELIVERED);
    return new Attempt(outcome, outcome == Attempt.Outcome.DELIVERED ? 200 : 503, 1, "scripted " + outcome);
  }
}
