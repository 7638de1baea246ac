package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.billingcenter.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A document's dates, money and countries in its invoice language, paired with the buyer's country
 * as the pages pair them. The JDK's CLDR spacing (no-break and narrow no-break spaces) is read as a
 * plain space here, so a JDK update that changes only the kind of space does not fail the table.
 */
class DocumentFormatsTest {

  static String spaces(String s) {
    return s.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @ParameterizedTest(name = "{0} for {1}: {3}, {4}, {5}")
  @CsvSource(delimiter = '|', value = {
    // language | buyer's country | minor EUR | money | date of 2026-03-10 | country name
    "en    | IE | 123450 | €1,234.50   | 10 Mar 2026     | Ireland",
    "fr-FR | FR | 123450 | 1 234,50 €  | 10 mars 2026    | France",
    "bg-BG | BG | 123450 | 1234,50 €   | 10.03.2026 г.   | България",
    "zh-TW | TW | 123450 | €1,234.50   | 2026年3月10日    | 台灣",
    "da-DK | DK | -903   | -9,03 €     | 10. mar. 2026   | Danmark",
  })
  void money_dates_and_countries_read_as_the_invoice_language_writes_them(String tag, String country, long minor,
      String money, String date, String countryName) {
    DocumentFormats f = DocumentFormats.of(Locale.forLanguageTag(tag), country);
    assertThat(spaces(f.money(Money.of(minor, "EUR")))).isEqualTo(money);
    assertThat(spaces(f.date(LocalDate.of(2026, 3, 10)))).isEqualTo(date);
    assertThat(f.country(country)).isEqualTo(countryName);
  }

  @ParameterizedTest(name = "{0} – {1} (end exclusive) reads {2}")
  @CsvSource({
    "2026-03-10, 2026-04-10, 10 Mar 2026 – 9 Apr 2026",
    "2026-03-10, 2026-03-11, 10 Mar 2026 – 10 Mar 2026",
    // a degenerate stored period (end not after start) never prints a day before its start
    "2026-03-10, 2026-03-10, 10 Mar 2026 – 10 Mar 2026",
  })
  void a_period_prints_its_inclusive_last_day(LocalDate start, LocalDate endExclusive, String expected) {
    assertThat(spaces(DocumentFormats.of(Locale.ENGLISH, "IE").period(start, endExclusive))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "finalised {0}, issued {1} → {2}")
  @CsvSource({
    "2026-04-10T02:00:07Z, 2026-04-10, 2026-04-10T02:00:07Z",
    // a draft has no moment of its own yet: its issue date at midnight UTC
    "'',                   2026-04-10, 2026-04-10T00:00:00Z",
  })
  void the_pdf_dates_are_the_documents_own(String finalizedAt, LocalDate issued, Instant expected) {
    Instant finalized = finalizedAt.isEmpty() ? null : Instant.parse(finalizedAt);
    assertThat(DocumentFormats.stamp(finalized, issued)).isEqualTo(expected);
  }
}
