package org.billingcenter.payment;

import java.util.Locale;
import org.billingcenter.api.SafeText;
import org.billingcenter.shared.Rejected;
import org.jspecify.annotations.Nullable;

/**
 * What the overdue organisations are searched by, from the page's and the API's query string alike:
 * part of a name, case-insensitive; blank is every one. Anything unreadable is refused, never guessed at.
 */
public record ReceivablesSearch(String text) {

  public static final int MAX_TEXT = 200;

  public static ReceivablesSearch parse(@Nullable String query) {
    String text = query == null ? "" : query.strip();
    if (text.length() > MAX_TEXT || !SafeText.isSafe(text) || text.chars().anyMatch(Character::isISOControl)) {
      throw new Rejected(ReceivablesReason.RECEIVABLES_SEARCH_INVALID);
    }
    return new ReceivablesSearch(text);
  }

  /** A LIKE pattern with the user's own % and _ taken literally (escape character !); null: no filter. */
  @Nullable String pattern() {
    if (text.isEmpty()) {
      return null;
    }
    return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
