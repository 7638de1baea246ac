package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the Standard Webhooks library as a receiver would. */
class SignaturesTest {

  private static final String BODY = "{\"id\":\"msg_1\",\"type\":\"subscription.cancelled\",\"data\":{}}";

  private static Map<String, List<String>> headers(String id, long at, String signature) {
    return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(at)),
        "webhook-signature", List.of(signature));
  }

  // The library compares the timestamp with the system clock, so these use the real time.
  private static long now() {
    return Instant.ofEpochMilli(System.currentTimeMillis()).getEpochSecond();
  }

  @Test
  void a_new_secret_is_whsec_and_at_least_24_random_bytes() {
    String secret = Signatures.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
    assertThat(Signatures.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void a_receiver_verifies_the_signature_and_refuses_a_changed_body() throws Exception {
    String secret = Signatures.newSecret();
    long at = now();
    String signature = Signatures.header(List.of(secret), "msg_1", at, BODY);
    new Webhook(secret).verify(BODY, headers("msg_1", at, signature));
    assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("{}", "{\"x\":1}"), headers("msg_1", at, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers("msg_1", at, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void during_a_rotation_a_receiver_with_either_secret_accepts_the_message() throws Exception {
    String current = Signatures.newSecret();
    String previous = Signatures.newSecret();
    long at = now();
    String signature = Signatures.header(List.of(current, previous), "msg_2", at, BODY);
    assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    new Webhook(current).verify(BODY, headers("msg_2", at, signature));
    new Webhook(previous).verify(BODY, headers("msg_2", at, signature));
    assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers("msg_2", at, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void an_old_timestamp_is_refused_by_the_receiver() {
    String secret = Signatures.newSecret();
    long old = now() - 3600;
    String signature = Signatures.header(List.of(secret), "msg_3", old, BODY);
    assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers("msg_3", old, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }
}
