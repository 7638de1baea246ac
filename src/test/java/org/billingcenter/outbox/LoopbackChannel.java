package org.billingcenter.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A bare webhook channel for a {@link org.billingcenter.testing.ServiceNode} in a test: posts every
 * event of one tenant to one loopback URL with the event id in {@code webhook-id} and the delivery
 * id in {@code x-delivery-id}. Added with {@code --spring.main.sources} and its two settings;
 * deliberately not a component, so no other context picks it up.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LoopbackChannel implements DeliveryChannel {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private final String url;
  private final UUID tenant;

  LoopbackChannel(@Value("${billing-center.test.loopback.url}") String url,
      @Value("${billing-center.test.loopback.tenant}") UUID tenant) {
    this.url = url;
    this.tenant = tenant;
  }

  /** The settings that add this channel to a node. */
  public static List<String> settings(URI url, UUID tenant) {
    return List.of("--spring.main.sources=" + LoopbackChannel.class.getName(),
        "--billing-center.test.loopback.url=" + url, "--billing-center.test.loopback.tenant=" + tenant);
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public boolean handles(String target) {
    return target.equals(url);
  }

  @Override
  public Map<UUID, List<String>> targetsFor(List<OutboxEvent> events) {
    return events.stream().filter(e -> e.tenant().value().equals(tenant))
        .collect(Collectors.toMap(OutboxEvent::eventId, e -> List.of(url)));
  }

  @Override
  public Attempt send(Delivery delivery, OutboxEvent event) {
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
        .header("webhook-id", event.eventId().toString())
        .header("x-delivery-id", delivery.deliveryId().toString())
        .POST(HttpRequest.BodyPublishers.ofString(event.data())).build();
    try {
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      return status / 100 == 2 ? Attempt.delivered(status, millis, null) : Attempt.retry(status, millis, "HTTP " + status);
    } catch (IOException e) {
      return Attempt.retry(null, Duration.ofNanos(System.nanoTime() - start).toMillis(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.retry(null, 0, "interrupted");
    }
  }
}
