package org.billingcenter.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billingcenter.outbox.Attempt;
import org.springframework.stereotype.Component;

/** Checks the address again, signs and posts one message to one endpoint. */
@Component
class WebhookSender {

  /**
   * The {@code webhook-timestamp} is compared by receivers with their own clocks (replay
   * protection), so it is the wall clock's, not the injectable business clock that tests move.
   */
  private static final Clock WALL = Clock.systemUTC();

  private final WebhookPoster poster;
  private final WebhookSettings settings;
  private final Clock clock;

  WebhookSender(WebhookPoster poster, WebhookSettings settings, Clock clock) {
    this.poster = poster;
    this.settings = settings;
    this.clock = clock;
  }

  Attempt send(WebhookEndpointRepository.Keys keys, String messageId, String body) {
    String url = keys.endpoint().url();
    // DNS may now answer differently than at registration.
    Optional<WebhookReason> refused = SsrfGuard.refusal(url, settings.allowPrivateTargets(), InetAddress::getAllByName);
    if (refused.isPresent()) {
      return Attempt.retry(null, 0, refused.get().code());
    }
    List<String> secrets = new ArrayList<>(List.of(keys.secret()));
    var previousExpires = keys.endpoint().previousSecretExpiresAt();
    if (keys.previousSecret() != null && previousExpires != null && previousExpires.isAfter(clock.instant())) {
      secrets.add(keys.previousSecret());
    }
    long timestamp = WALL.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "BillingCenter-Webhooks/1");
    headers.put("webhook-id", messageId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", Signatures.header(secrets, messageId, timestamp, body));
    return poster.post(URI.create(url.strip()), headers, body);
  }
}
