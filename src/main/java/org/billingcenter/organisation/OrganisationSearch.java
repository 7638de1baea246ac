package org.billingcenter.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.api.SafeText;
import org.billingcenter.shared.Rejected;
import org.jspecify.annotations.Nullable;

/**
 * What the list is searched and sorted by, from the page's and the API's query string alike: part
 * of a name (case-insensitive) or a whole organisation id; {@code name} (A→Z, the default) or
 * {@code -name}. Anything else is refused with one reason, never guessed at.
 */
public record OrganisationSearch(String text, boolean descending) {

  public static final int MAX_TEXT = 200;
  public static final OrganisationSearch ALL = new OrganisationSearch("", false);

  public static OrganisationSearch parse(@Nullable String query, @Nullable String sort) {
    String text = query == null ? "" : query.strip();
    if (text.length() > MAX_TEXT || !SafeText.isSafe(text) || text.chars().anyMatch(Character::isISOControl)) {
      throw new Rejected(OrganisationReason.ORGANISATION_SEARCH_INVALID);
    }
    String order = sort == null || sort.isBlank() ? "name" : sort.strip();
    if (!order.equals("name") && !order.equals("-name")) {
      throw new Rejected(OrganisationReason.ORGANISATION_SEARCH_INVALID);
    }
    return new OrganisationSearch(text, order.startsWith("-"));
  }

  /** The whole id, when the text is one: then the list is that organisation or nothing. */
  Optional<UUID> id() {
    try {
      return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** A LIKE pattern with the user's own % and _ taken literally (escape character !). */
  String pattern() {
    String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  public String sort() {
    return descending ? "-name" : "name";
  }
}
