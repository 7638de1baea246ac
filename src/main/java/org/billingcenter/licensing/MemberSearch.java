package org.billingcenter.licensing;

import org.billingcenter.shared.Rejected;

/**
 * What an admin typed to find members: a case-insensitive piece of a name or an e-mail address.
 * Blank finds everyone. The text is bounded so a search stays a cheap scan of one tenant's members.
 */
public record MemberSearch(String text) {

  public static final int MAX_LENGTH = 100;

  /** Refuses (SEARCH_TOO_LONG) a text above {@link #MAX_LENGTH} characters; null reads as blank. */
  public MemberSearch {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_LENGTH) {
      throw new Rejected(LicensingReason.SEARCH_TOO_LONG, MAX_LENGTH);
    }
  }

  public static MemberSearch of(String text) {
    return new MemberSearch(text);
  }

  public boolean isBlank() {
    return text.isEmpty();
  }

  /**
   * The SQL {@code like} pattern of a substring match, used with {@code escape '!'}: the text's own
   * {@code %}, {@code _} and {@code !} are literal characters, not wildcards. The query lowers both
   * sides with the database's own {@code lower(...)}, so pattern and column fold case the same way.
   */
  String likePattern() {
    String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }
}
