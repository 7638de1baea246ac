package org.billingcenter.api;

import java.io.IOException;

/**
 * A request body grew past the configured limit while it was being read. An {@link IOException},
 * so it travels through whatever is reading (Jackson, a filter) to the handler that answers 413.
 */
public final class PayloadTooLarge extends IOException {

  PayloadTooLarge(long limit) {
    super("Request body larger than " + limit + " bytes");
  }

  /** Whether this failure, or one of its causes, is a body over the limit. */
  static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLarge) {
        return true;
      }
    }
    return false;
  }
}
