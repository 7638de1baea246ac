package org.billingcenter.billing;

import java.util.Locale;
import org.billingcenter.shared.Rejected;
import org.jspecify.annotations.Nullable;

/**
 * What the Invoices & credits page and {@code GET /api/v1/invoices} filter by: a status, and part of
 * a number (letters, digits and dashes, matched case-insensitively anywhere in it). One parser for
 * both, so both refuse the same input with the same reason.
 */
public record InvoiceFilter(@Nullable InvoiceStatus status, @Nullable String number) {

  public static final InvoiceFilter NONE = new InvoiceFilter(null, null);
  static final int MAX_NUMBER = 40;

  /** Blank parameters filter nothing; anything else not a status or a number part is refused. */
  public static InvoiceFilter parse(@Nullable String status, @Nullable String number) {
    return new InvoiceFilter(status(status), number(number));
  }

  private static @Nullable InvoiceStatus status(@Nullable String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return InvoiceStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Rejected(BillingReason.INVOICE_FILTER_INVALID);
    }
  }

  private static @Nullable String number(@Nullable String number) {
    if (number == null || number.isBlank()) {
      return null;
    }
    String part = number.strip().toUpperCase(Locale.ROOT);
    if (part.length() > MAX_NUMBER || !part.matches("[A-Z0-9-]+")) {
      throw new Rejected(BillingReason.INVOICE_FILTER_INVALID);
    }
    return part;
  }

  public boolean isEmpty() {
    return status == null && number == null;
  }
}
