package org.billingcenter.shared;

import java.util.regex.Pattern;

/**
 * Which slice of a list a caller asked for: {@code page} counts from 1, {@code size} rows per page.
 * Every list of the API and the pages is cut this way, so no answer grows with the data.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

  /** Plain digits only: no sign, no blanks, no decimals; ten at most keeps it inside an int. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");

  public PageRequest {
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      throw new Invalid();
    }
  }

  /** Reads the two query parameters; absent ones take their defaults, anything else is refused. */
  public static PageRequest parse(String page, String size) {
    return new PageRequest(number(page, 1), number(size, DEFAULT_SIZE));
  }

  private static int number(String text, int absent) {
    if (text == null) {
      return absent;
    }
    if (!NUMBER.matcher(text).matches()) {
      throw new Invalid();
    }
    long value = Long.parseLong(text);
    if (value > Integer.MAX_VALUE) {
      throw new Invalid();
    }
    return (int) value;
  }

  /** Rows to skip; a long, as a far page times the largest size passes an int. */
  public long offset() {
    return (long) (page - 1) * size;
  }

  /** A page number or size outside the rules: answered 400 with code INVALID_PAGE. */
  public static final class Invalid extends RuntimeException {
    public static final String CODE = "INVALID_PAGE";

    public Invalid() {
      super(CODE);
    }
  }
}
