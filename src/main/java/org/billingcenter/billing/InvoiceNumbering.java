package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How invoice and credit note numbers read: {@code INV-2026-000123}, {@code CN-2026-000007}. Each
 * kind counts in its own series; with the yearly reset the series is per year of the invoice date
 * ({@code INV-2026}), else one for ever ({@code INV}, numbers {@code INV-000123}). Six digits, more
 * once a series passes 999 999 (never truncated: a number must stay unique).
 */
public record InvoiceNumbering(String invoicePrefix, String creditNotePrefix, boolean yearlyReset) {

  static final int WIDTH = 6;
  private static final String PREFIX = "[A-Z0-9]{1,10}";

  public InvoiceNumbering {
    Objects.requireNonNull(invoicePrefix);
    Objects.requireNonNull(creditNotePrefix);
    // Prefixes go into unique numbers and file names: short, plain, and different from each other.
    if (!invoicePrefix.matches(PREFIX) || !creditNotePrefix.matches(PREFIX)) {
      throw new IllegalArgumentException("invoice number prefixes are 1 to 10 of A-Z and 0-9");
    }
    if (invoicePrefix.equals(creditNotePrefix)) {
      throw new IllegalArgumentException("invoices and credit notes need different number prefixes");
    }
  }

  public static InvoiceNumbering defaults() {
    return new InvoiceNumbering("INV", "CN", true);
  }

  /** The series a document of {@code kind} dated {@code date} counts in (the counter row's key). */
  public String series(InvoiceDocument.Kind kind, LocalDate date) {
    String prefix = kind == InvoiceDocument.Kind.INVOICE ? invoicePrefix : creditNotePrefix;
    return yearlyReset ? prefix + "-" + date.getYear() : prefix;
  }

  /** The {@code n}-th number of {@code series} (n from 1). */
  public static String format(String series, long n) {
    if (n < 1) {
      throw new IllegalArgumentException("numbers start at 1: " + n);
    }
    String digits = Long.toString(n);
    return series + "-" + "0".repeat(Math.max(0, WIDTH - digits.length())) + digits;
  }
}
