package org.billingcenter.billing;

import org.billingcenter.shared.CsvExport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
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
    CsvExport.write(out, header(kind, language), row -> {
      switch (kind) {
        case INVOICES -> billing.forEachDocument(tenant, range.from(), range.to(), d -> row.accept(ExportRows.invoice(d)));
        case INVOICE_LINES -> billing.forEachDocument(tenant, range.from(), range.to(),
            d -> ExportRows.lines(d).forEach(row));
        case CREDITS -> billing.forEachCredit(tenant, range.from(), range.to(), c -> row.accept(ExportRows.credit(c)));
      }
    });
  }

  List<String> header(ExportKind kind, Locale language) {
    return kind.headerKeys().stream().map(key -> messages.getMessage(key, null, language)).toList();
  }
}
