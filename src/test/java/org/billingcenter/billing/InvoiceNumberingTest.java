package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumberingTest {

  @ParameterizedTest(name = "{0} {1} dated {2}, yearly reset {5} → series {6}")
  @CsvSource({
      // kind,       invoice prefix, credit prefix, date,       (unused), yearly, series
      "INVOICE,     INV, CN, 2026-01-01, x, true,  INV-2026",
      "INVOICE,     INV, CN, 2026-12-31, x, true,  INV-2026",
      "INVOICE,     INV, CN, 2027-01-01, x, true,  INV-2027",
      "CREDIT_NOTE, INV, CN, 2026-06-15, x, true,  CN-2026",
      "CREDIT_NOTE, INV, CN, 2028-02-29, x, true,  CN-2028",
      "INVOICE,     INV, CN, 2026-06-15, x, false, INV",
      "CREDIT_NOTE, INV, CN, 2027-06-15, x, false, CN",
      "INVOICE,     F,   AV, 2026-06-15, x, true,  F-2026",
      "CREDIT_NOTE, F,   AV, 2026-06-15, x, true,  AV-2026",
  })
  void each_kind_counts_in_its_own_series_reset_each_year_when_asked(
      Kind kind, String invoicePrefix, String creditPrefix, LocalDate date, String unused, boolean yearly, String series) {
    assertThat(new InvoiceNumbering(invoicePrefix, creditPrefix, yearly).series(kind, date)).isEqualTo(series);
  }

  @ParameterizedTest(name = "{0} number {1} → {2}")
  @CsvSource({
      "INV-2026, 1,       INV-2026-000001",
      "INV-2026, 123,     INV-2026-000123",
      "CN-2026,  7,       CN-2026-000007",
      "INV-2026, 999999,  INV-2026-999999",
      "INV-2026, 1000000, INV-2026-1000000",
      "INV,      42,      INV-000042",
  })
  void numbers_have_six_digits_and_grow_past_them_rather_than_repeat(String series, long n, String number) {
    assertThat(InvoiceNumbering.format(series, n)).isEqualTo(number);
  }

  @ParameterizedTest(name = "prefixes {0} and {1} are refused")
  @CsvSource({"INV, INV", "'', CN", "INV, cn", "INV-X, CN", "ABCDEFGHIJK, CN", "INV, C N"})
  void unusable_prefixes_are_refused_at_start_up(String invoicePrefix, String creditPrefix) {
    assertThatThrownBy(() -> new InvoiceNumbering(invoicePrefix, creditPrefix, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "number {0} is refused")
  @CsvSource({"0", "-1"})
  void there_is_no_number_zero(long n) {
    assertThatThrownBy(() -> InvoiceNumbering.format("INV-2026", n)).isInstanceOf(IllegalArgumentException.class);
  }
}
