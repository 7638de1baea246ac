package org.billingcenter.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.api.MoneyView;
import org.billingcenter.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Dates, money and country names on a document, in the invoice language paired with the buyer's
 * country exactly as the pages and mails pair them ({@link LocalFormats#formatLocale(Locale, String)},
 * {@link MoneyView#format}): the same invoice reads the same on screen, in a mail and on paper.
 * Nothing here reads the request: a PDF is written in the profile's language, whoever downloads it.
 */
public record DocumentFormats(Locale language, Locale formats) {

  public static DocumentFormats of(Locale invoiceLanguage, String buyerCountry) {
    return new DocumentFormats(invoiceLanguage, LocalFormats.formatLocale(invoiceLanguage, buyerCountry));
  }

  /** The amount with its currency always shown (a bill may be in a currency foreign to the language). */
  public String money(@Nullable Money money) {
    return money == null ? "" : MoneyView.format(money, formats);
  }

  public String date(@Nullable LocalDate date) {
    return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(formats).format(date);
  }

  /** A billed period is stored end-exclusive; on paper it reads as the inclusive last day. */
  public String period(@Nullable LocalDate start, @Nullable LocalDate endExclusive) {
    if (start == null || endExclusive == null) {
      return "";
    }
    LocalDate last = endExclusive.isAfter(start) ? endExclusive.minusDays(1) : start;
    return date(start) + " – " + date(last);
  }

  /** The country's name in the invoice language ("Irlande", "愛爾蘭"); the code when the JDK knows none. */
  public String country(@Nullable String isoCode) {
    if (isoCode == null || isoCode.isBlank()) {
      return "";
    }
    String name = new Locale.Builder().setRegion(isoCode.toUpperCase(Locale.ROOT)).build().getDisplayCountry(language);
    return name.isBlank() ? isoCode : name;
  }

  /** The document's own moment (its PDF dates), fixed so that a re-render writes the same bytes. */
  public static Instant stamp(@Nullable Instant finalizedAt, LocalDate issueDate) {
    return finalizedAt != null ? finalizedAt : issueDate.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
