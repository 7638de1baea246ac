package org.billingcenter.billing;

import org.billingcenter.shared.CsvCells;
import org.billingcenter.shared.CsvExport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billing.InvoiceDocument.LineKind;
import org.billingcenter.billing.InvoiceDocument.Source;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The CSV exports' cells, rows, header languages and refusals, without a database. */
class CsvExportTest {

  static final ResourceBundleMessageSource MESSAGES = messages();

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @ParameterizedTest(name = "text [{0}] is written [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "=SUM(A1:A9)   | '=SUM(A1:A9)",
      "+33 1 23      | '+33 1 23",
      "-2+3          | '-2+3",
      "@cmd          | '@cmd",
      "INV-2026-000123 | INV-2026-000123",
      "Office 365 E3 | Office 365 E3",
      "a=b           | a=b",
  })
  void formula_text_is_defused_and_plain_text_is_kept(String value, String cell) {
    assertThat(CsvCells.text(value)).isEqualTo(cell);
  }

  @Test
  void a_tab_or_a_carriage_return_at_the_start_is_defused_too_and_nothing_is_an_empty_cell() {
    assertThat(CsvCells.text("\tx")).isEqualTo("'\tx");
    assertThat(CsvCells.text("\rx")).isEqualTo("'\rx");
    assertThat(CsvCells.text(null)).isEmpty();
    assertThat(CsvCells.date(null)).isEmpty();
    assertThat(CsvCells.amount(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} minor {1} is written {2}")
  @CsvSource({
      "123450, EUR, 1234.50",
      "-320,   EUR, -3.20",
      "5,      DKK, 0.05",
      "0,      BGN, 0.00",
      "500,    JPY, 500",
      "-7,     JPY, -7",
      "1234,   KWD, 1.234",
  })
  void amounts_are_plain_decimals_with_the_currencys_fraction_digits_and_negatives_stay_numbers(
      long minor, String currency, String cell) {
    assertThat(CsvCells.amount(Money.of(minor, currency))).isEqualTo(cell);
  }

  @ParameterizedTest(name = "{0}: first column {1}, last {2}")
  @CsvSource({
      "en,    Number,  Total",
      "fr-FR, Numéro,  Total",
      "da-DK, Nummer,  I alt",
      "bg-BG, Номер,   Общо",
      "zh-CN, 编号,     合计",
      "zh-TW, 單據編號, 總計",
  })
  void the_header_is_in_the_readers_language(String tag, String first, String last) throws IOException {
    List<String> header = ExportKind.INVOICES.headerKeys().stream()
        .map(key -> MESSAGES.getMessage(key, null, Locale.forLanguageTag(tag))).toList();
    String csv = csv(header, List.of());
    assertThat(csv).startsWith(CsvExport.BOM + first + ",");
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith("," + last);
  }

  @Test
  void a_credit_note_row_quotes_commas_defuses_a_hostile_number_and_keeps_its_negative_amount() throws IOException {
    Money refunded = Money.of(-1250, "EUR");
    InvoiceDocument note = document("=HYPERLINK(\"x\")", refunded, List.of(line("Suite, \"Pro\"")));
    String csv = csv(List.of("h"), row -> row.accept(ExportRows.invoice(note)));
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",CREDIT_NOTE,PAID,2026-04-10,2026-04-24,EUR,0.00,12.50,-12.50,12.50");
    List<String> line = ExportRows.lines(note).get(0);
    assertThat(line).containsExactly("'=HYPERLINK(\"x\")", "1", "CREDIT", "CANCELLATION", "Suite, \"Pro\"",
        "test-monthly-eur", "00000000-0000-0000-0000-000000000001", "2026-03-10", "2026-04-09", "3",
        "10.00", "-12.50", "EUR");
  }

  @Test
  void a_stub_document_without_number_or_product_has_empty_cells() {
    InvoiceDocument stub = document(null, Money.of(0, "EUR"), List.of(line(null)));
    assertThat(ExportRows.invoice(stub).get(0)).isEmpty();
    assertThat(ExportRows.lines(stub).get(0).get(4)).isEmpty();
  }

  @ParameterizedTest(name = "[{0}]–[{1}] is refused with {2}")
  @CsvSource(nullValues = "null", value = {
      "null,       2026-12-31, EXPORT_DATES_REQUIRED",
      "2026-01-01, '',         EXPORT_DATES_REQUIRED",
      "2026-13-01, 2026-12-31, EXPORT_DATE_INVALID",
      "01/01/2026, 2026-12-31, EXPORT_DATE_INVALID",
      "2026-01-01T00:00, 2026-12-31, EXPORT_DATE_INVALID",
      "2026-12-31, 2026-01-01, EXPORT_RANGE_REVERSED",
      "2026-01-01, 2027-01-02, EXPORT_RANGE_TOO_LONG",
  })
  void bad_ranges_are_refused_with_a_stable_code(String from, String to, ExportReason reason) {
    assertThatThrownBy(() -> ExportRange.parse(from, to, 366))
        .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0}–{1} is accepted")
  @CsvSource({"2026-01-01, 2026-12-31", "2024-01-01, 2024-12-31", "2026-05-05, 2026-05-05"})
  void a_year_a_leap_year_and_a_single_day_are_accepted(LocalDate from, LocalDate to) {
    assertThat(ExportRange.parse(from.toString(), to.toString(), 366)).isEqualTo(new ExportRange(from, to));
  }

  @Test
  void the_file_name_says_what_and_which_dates() {
    ExportRange year = ExportRange.yearOf(LocalDate.of(2026, 3, 10));
    assertThat(ExportKind.INVOICES.fileName(year)).isEqualTo("invoices-2026-01-01-2026-12-31.csv");
    assertThat(ExportKind.INVOICE_LINES.fileName(year)).isEqualTo("invoice-lines-2026-01-01-2026-12-31.csv");
  }

  static String csv(List<String> header, List<List<String>> rows) throws IOException {
    return csv(header, row -> rows.forEach(row));
  }

  static String csv(List<String> header, java.util.function.Consumer<java.util.function.Consumer<List<String>>> rows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(out, header, rows);
    return out.toString(StandardCharsets.UTF_8);
  }

  static Line line(String product) {
    return new Line(1, LineKind.CREDIT, Source.CANCELLATION, new UUID(0, 1), product, "test-monthly-eur", null,
        LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), 3, Money.of(1000, "EUR"), Money.of(-1250, "EUR"));
  }

  static InvoiceDocument document(String number, Money refunded, List<Line> lines) {
    Money zero = Money.of(0, "EUR");
    return new InvoiceDocument(TenantId.random(), UUID.randomUUID(), Kind.CREDIT_NOTE, number, InvoiceStatus.PAID,
        LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 24), zero.currency(), lines, zero, Money.of(1250, "EUR"),
        refunded, Money.of(1250, "EUR"), null);
  }
}
