package org.billingcenter.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signing: {@code whsec_} secrets of 32 random bytes, and the
 * {@code webhook-signature} header with one {@code v1,<base64 HMAC-SHA256>} per secret, separated
 * by spaces, so a receiver holding either the new or the previous secret accepts a message sent
 * during a rotation's overlap.
 */
final class Signatures {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 32;

  private Signatures() {}

  static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** The header value for {@code body} sent as message {@code id} at {@code unixSeconds}. */
  static String header(List<String> secrets, String id, long unixSeconds, String body) {
    return secrets.stream().map(secret -> sign(secret, id, unixSeconds, body)).collect(Collectors.joining(" "));
  }

  private static String sign(String secret, String id, long unixSeconds, String body) {
    try {
      return new Webhook(secret).sign(id, unixSeconds, body);
    } catch (WebhookSigningException | EmptyWebhookSecretException e) {
      // Our secrets are never empty and HmacSHA256 is in every JRE: this is a broken runtime.
      throw new IllegalStateException(e);
    }
  }
}
