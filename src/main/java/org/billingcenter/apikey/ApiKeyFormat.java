package org.billingcenter.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The shape of a key, {@code bc_live_<12 base62>_<43 base64url>}: the first 20 characters are the
 * public prefix, the rest a 256-bit random secret. Pure: generating, reading an Authorization header,
 * hashing.
 */
public final class ApiKeyFormat {

  public static final String MARK = "bc_live_";
  public static final int PREFIX_LENGTH = MARK.length() + 12;
  /** 32 random bytes in unpadded base64url. */
  public static final int SECRET_LENGTH = 43;

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SCHEME = "Bearer";

  /** A key read from a request: the prefix to look up and the secret to compare. Never printed. */
  public record Presented(String prefix, String secret) {
    @Override
    public String toString() {
      return "Presented[" + prefix + "]";
    }
  }

  /** What an Authorization header says about API keys. */
  public sealed interface Header {}

  /** No Authorization header, or another scheme (Basic): API keys have nothing to say. */
  public record NotBearer() implements Header {}

  /** A Bearer header that is not a well-formed key (nothing after it, wrong shape): refused. */
  public record Malformed() implements Header {}

  public record Key(Presented key) implements Header {}

  private ApiKeyFormat() {}

  public static Header read(String authorization) {
    if (authorization == null) {
      return new NotBearer();
    }
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || (value.length() > SCHEME.length() && value.charAt(SCHEME.length()) != ' ')) {
      return new NotBearer();
    }
    return parse(value.substring(SCHEME.length()).strip()).<Header>map(Key::new).orElseGet(Malformed::new);
  }

  /** The key itself ({@code bc_live_…_…}), if it has the right shape. */
  public static Optional<Presented> parse(String key) {
    if (key == null || key.length() != PREFIX_LENGTH + 1 + SECRET_LENGTH || !key.startsWith(MARK)
        || key.charAt(PREFIX_LENGTH) != '_') {
      return Optional.empty();
    }
    for (int i = MARK.length(); i < PREFIX_LENGTH; i++) {
      if (BASE62.indexOf(key.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    String secret = key.substring(PREFIX_LENGTH + 1);
    if (!secret.chars().allMatch(ApiKeyFormat::base64Url)) {
      return Optional.empty();
    }
    return Optional.of(new Presented(key.substring(0, PREFIX_LENGTH), secret));
  }

  public static String newPrefix(RandomGenerator random) {
    StringBuilder prefix = new StringBuilder(MARK);
    for (int i = 0; i < 12; i++) {
      prefix.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return prefix.toString();
  }

  public static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Constant time, whatever the secret. */
  public static boolean matches(String secret, byte[] storedHash) {
    return MessageDigest.isEqual(sha256(secret), storedHash);
  }

  private static boolean base64Url(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }
}
