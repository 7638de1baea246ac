package org.billingcenter.tenant;

/**
 * What is wrong with one line of a members CSV file. The message key is {@code
 * members.import.issue.<code in lower case>}; the codes are stable for API clients.
 */
public enum ImportIssue {
  /** The file is not UTF-8 text. */
  NOT_UTF8,
  /** A quote left open, or text after a closing quote: the CSV cannot be read past this line. */
  MALFORMED_CSV,
  /** The first line is not exactly {@code displayName,email}. */
  BAD_HEADER,
  /** Nothing but the header. */
  NO_ROWS,
  /** More rows than one import takes; argument: the maximum. */
  TOO_MANY_ROWS,
  /** Not two values; argument: how many there were. */
  WRONG_COLUMNS,
  EMPTY,
  /** Control characters (a line break, a tab, NUL) or broken characters in a name. */
  UNSAFE_TEXT,
  /** Argument: the maximum length. */
  TOO_LONG,
  BAD_EMAIL,
  /** The same address on an earlier line; argument: that line. */
  DUPLICATE_IN_FILE,
  /** The organisation already has a member with this address; argument: the address. */
  ALREADY_MEMBER;

  public String messageKey() {
    return "members.import.issue." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
