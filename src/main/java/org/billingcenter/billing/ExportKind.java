package org.billingcenter.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three CSV exports and their columns, in order. A column's header is the bundle key
 * {@code billing.exports.column.<column>} in the reader's language; the slug names the file and the URL.
 */
public enum ExportKind {
  INVOICES("invoices", List.of("number", "kind", "status", "issue-date", "due-date", "currency", "charged",
      "credited", "refunded", "total")),
  INVOICE_LINES("invoice-lines", List.of("number", "line-no", "line-kind", "source", "product", "plan",
      "subscription", "period-start", "period-end", "quantity", "unit-price", "amount", "currency")),
  CREDITS("credits", List.of("id", "subscription", "product", "source", "amount", "currency", "credit-status",
      "created-on", "return-on", "returned-by", "refunded"));

  private final String slug;
  private final List<String> columns;

  ExportKind(String slug, List<String> columns) {
    this.slug = slug;
    this.columns = columns;
  }

  public String slug() {
    return slug;
  }

  public List<String> columns() {
    return columns;
  }

  /** The header's bundle keys, in column order. */
  public List<String> headerKeys() {
    return columns.stream().map(c -> "billing.exports.column." + c).toList();
  }

  /** {@code invoices-2026-01-01-2026-12-31.csv}: what and which dates, sortable by name. */
  public String fileName(ExportRange range) {
    return slug + "-" + range.from() + "-" + range.to() + ".csv";
  }

  public static Optional<ExportKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
