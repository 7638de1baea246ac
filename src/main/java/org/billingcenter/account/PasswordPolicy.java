package org.billingcenter.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B in spirit: length and a blocklist, no composition
 * rules): 12 to 128 characters (Unicode code points), not containing the username, not one
 * character, a repeated chunk or a run such as {@code 123456789012}, and not one of the 10,000 most
 * common passwords, even with digits or symbols added at either end ({@code Password2024!}).
 * Checked before any hashing, for every account that is created; seeded demo accounts skip it.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  /** Fewer different characters than this is a repetition, e.g. {@code abababababab}. */
  static final int MIN_DISTINCT = 5;
  /** A username shorter than this is not looked for inside the password (too many false hits). */
  static final int MIN_USERNAME_TO_MATCH = 3;

  private static final String SHIPPED_LIST = "common-passwords.txt";

  private final Set<String> common;

  /** {@code common}: lower-case passwords to refuse. */
  public PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** The policy with the list shipped beside this class (see the header of that file). */
  public static PasswordPolicy withShippedCommonPasswords() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(SHIPPED_LIST)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED_LIST);
      }
      Set<String> list = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> list.add(line.strip().toLowerCase(Locale.ROOT)));
      return new PasswordPolicy(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first rule {@code password} breaks for an account named {@code username}, if any. */
  public Optional<PasswordReason> check(String username, String password) {
    if (password == null) {
      return Optional.of(PasswordReason.PASSWORD_TOO_SHORT);
    }
    int length = password.codePointCount(0, password.length());
    if (length > MAX_LENGTH) {
      return Optional.of(PasswordReason.PASSWORD_TOO_LONG);
    }
    if (length < MIN_LENGTH) {
      return Optional.of(PasswordReason.PASSWORD_TOO_SHORT);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && username.strip().length() >= MIN_USERNAME_TO_MATCH
        && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of(PasswordReason.PASSWORD_CONTAINS_USERNAME);
    }
    if (repetitive(lower)) {
      return Optional.of(PasswordReason.PASSWORD_REPETITIVE);
    }
    if (common(lower)) {
      return Optional.of(PasswordReason.PASSWORD_TOO_COMMON);
    }
    return Optional.empty();
  }

  /** Too few different characters, one chunk said again and again, or a run like 123456 / abcdef. */
  static boolean repetitive(String lower) {
    return lower.codePoints().distinct().count() < MIN_DISTINCT || periodic(lower) || run(lower);
  }

  private static boolean periodic(String s) {
    for (int period = 1; period <= s.length() / 2; period++) {
      if (s.substring(period).equals(s.substring(0, s.length() - period))) {
        return true;
      }
    }
    return false;
  }

  /** Every step up by one, or every step down by one (digits wrap: ...8901...). */
  private static boolean run(String s) {
    int up = 0;
    int down = 0;
    for (int i = 1; i < s.length(); i++) {
      int step = s.charAt(i) - s.charAt(i - 1);
      boolean digits = Character.isDigit(s.charAt(i)) && Character.isDigit(s.charAt(i - 1));
      if (step == 1 || digits && step == -9) {
        up++;
      }
      if (step == -1 || digits && step == 9) {
        down++;
      }
    }
    return up == s.length() - 1 || down == s.length() - 1;
  }

  /**
   * The password itself, or what is left once digits and symbols ({@code Password2024!}), or only
   * symbols ({@code 12345678!!!!}), are taken off either end or both.
   */
  private boolean common(String lower) {
    if (common.contains(lower)) {
      return true;
    }
    for (String padding : new String[] {"[^\\p{L}]+", "[^\\p{L}\\p{N}]+"}) {
      String head = lower.replaceFirst("^" + padding, "");
      String tail = lower.replaceFirst(padding + "$", "");
      String both = head.replaceFirst(padding + "$", "");
      for (String core : new String[] {head, tail, both}) {
        if (!core.isEmpty() && common.contains(core)) {
          return true;
        }
      }
    }
    return false;
  }
}
