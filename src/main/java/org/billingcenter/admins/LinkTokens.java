package org.billingcenter.admins;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A link's token: 256 random bits, URL-safe base64 (43 characters). Only its SHA-256 is stored: a
 * fast hash is right for a secret of that entropy (nothing to guess), and the lookup is by hash.
 */
final class LinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkTokens() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lower-case hex SHA-256 of the token as typed; anything that is not a token of ours still hashes. */
  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only what could be one of ours is looked up: 43 URL-safe base64 characters. */
  static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
