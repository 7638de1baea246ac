package org.billingcenter.api;

/**
 * The one rule for text that reaches us, from JSON, forms, query strings or headers: no NUL
 * character (PostgreSQL cannot store it, H2 would) and no half of a UTF-16 surrogate pair (it cannot
 * be encoded and would be stored as "?").
 */
public final class SafeText {

  private SafeText() {}

  public static boolean isSafe(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\0' || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++; // the pair is one character
      }
    }
    return true;
  }
}
