package org.billingcenter.billing;

import org.billingcenter.shared.CsvCells;
import java.util.List;
import org.billingcenter.billing.InvoiceDocument.Line;

/**
 * The rows of the three exports, one list of cells per row in {@link ExportKind#columns()} order.
 * Pure: the CSV writer only prints what this returns.
 */
public final class ExportRows {

  private ExportRows() {}

  /** One row per invoice or credit note. */
  public static List<String> invoice(InvoiceDocument d) {
    return List.of(
        CsvCells.text(d.number()),
        CsvCells.code(d.kind()),
        CsvCells.code(d.status()),
        CsvCells.date(d.issueDate()),
        CsvCells.date(d.dueDate()),
        d.currency().getCurrencyCode(),
        CsvCells.amount(d.charged()),
        CsvCells.amount(d.credited()),
        CsvCells.amount(d.refunded()),
        CsvCells.amount(d.total()));
  }

  /** One row per line of the document; the period's end is its last day (inclusive), as printed. */
  public static List<List<String>> lines(InvoiceDocument d) {
    return d.lines().stream().map(l -> line(d, l)).toList();
  }

  private static List<String> line(InvoiceDocument d, Line l) {
    return List.of(
        CsvCells.text(d.number()),
        Integer.toString(l.lineNo()),
        CsvCells.code(l.kind()),
        CsvCells.code(l.source()),
        CsvCells.text(l.productName()),
        CsvCells.text(l.planId()),
        CsvCells.id(l.subscription()),
        CsvCells.date(l.periodStart()),
        CsvCells.date(l.periodEndExclusive() == null ? null : l.periodEndExclusive().minusDays(1)),
        CsvCells.number(l.quantity()),
        CsvCells.amount(l.unitPrice()),
        CsvCells.amount(l.amount()),
        l.amount().currency().getCurrencyCode());
  }

  /** One row per credit, with the number of the invoice or credit note that returned it. */
  public static List<String> credit(CreditEntry c) {
    return List.of(
        CsvCells.id(c.id()),
        CsvCells.id(c.subscription()),
        CsvCells.text(c.productName()),
        CsvCells.code(c.source()),
        CsvCells.amount(c.amount()),
        c.amount().currency().getCurrencyCode(),
        CsvCells.code(c.status()),
        CsvCells.date(c.createdOn()),
        CsvCells.date(c.returnOn()),
        CsvCells.text(c.returnedByNumber()),
        CsvCells.amount(c.refunded()));
  }
}
