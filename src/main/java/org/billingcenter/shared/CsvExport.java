package org.billingcenter.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints a header and rows as RFC 4180 CSV (quoted where needed, CRLF) in UTF-8 with a byte order
 * mark, row by row as the source hands them over: nothing is gathered in memory.
 */
public final class CsvExport {

  /** Excel reads a UTF-8 file as ANSI without it. */
  public static final String BOM = "\uFEFF";

  private CsvExport() {}

  /** {@code rows} calls its argument once per row, in order. */
  public static void write(OutputStream out, List<String> header, Consumer<Consumer<List<String>>> rows)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(BOM);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
    csv.printRecord(header);
    try {
      rows.accept(row -> print(csv, row));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
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
