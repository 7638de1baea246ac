package org.billingcenter.billing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.billingcenter.shared.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes the CSV exports straight to a stream while the billing service reads the rows: no file is
 * held in memory, whatever the range. UTF-8 with a byte order mark, so Excel opens accents and
 * Chinese correctly; the header in the reader's language, the values machine-readable ({@link ExportRows}).
 */
@Service
public class InvoiceExports {

  /** Excel reads a UTF-8 file as ANSI without it. */
  static final String BOM = "\uFEFF";

  private final BillingService billing;
  private final MessageSource messages;
  private final int maxDays;

  InvoiceExports(BillingService billing, MessageSource messages,
      @Value("${billing-center.exports.max-days:" + ExportRange.DEFAULT_MAX_DAYS + "}") int maxDays) {
    this.billing = billing;
    this.messages = messages;
    this.maxDays = maxDays;
  }

  /** The range of two query values, refused as {@link ExportRange#parse} says with this installation's limit. */
  public ExportRange range(String from, String to) {
    return ExportRange.parse(from, to, maxDays);
  }

  /** The export of {@code kind} for the tenant's days in {@code range}, header in {@code language}. */
  public void write(TenantId tenant, ExportKind kind, ExportRange range, Locale language, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(BOM);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
    csv.printRecord(header(kind, language));
    try {
      switch (kind) {
        case INVOICES -> billing.forEachDocument(tenant, range.from(), range.to(), d -> print(csv, ExportRows.invoice(d)));
        case INVOICE_LINES -> billing.forEachDocument(tenant, range.from(), range.to(),
            d -> ExportRows.lines(d).forEach(row -> print(csv, row)));
        case CREDITS -> billing.forEachCredit(tenant, range.from(), range.to(), c -> print(csv, ExportRows.credit(c)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  List<String> header(ExportKind kind, Locale language) {
    return kind.headerKeys().stream().map(key -> messages.getMessage(key, null, language)).toList();
  }

  private static void print(CSVPrinter csv, List<String> row) {
    try {
      csv.printRecord(row);
    } catch (IOException e) {
      // The client went away mid-download: stop reading rows.
      throw new UncheckedIOException(e);
    }
  }
}
