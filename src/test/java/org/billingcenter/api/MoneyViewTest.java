package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.billingcenter.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** 11.17/11.18: money in six languages and six currencies, never a bare sign that names another currency. */
class MoneyViewTest {

  static final List<String> CURRENCIES = List.of("EUR", "USD", "TWD", "DKK", "BGN", "CNY");

  static String format(long minor, String currency, String locale) {
    // CLDR's spaces differ between JDK versions (U+00A0, U+202F): compare with plain spaces.
    return MoneyView.format(Money.of(minor, currency), Locale.forLanguageTag(locale)).replaceAll("[\\u00a0\\u202f]", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW", "en-IE"})
  void every_currency_reads_as_itself_and_twd_is_never_a_bare_dollar(String locale) {
    for (String currency : CURRENCIES) {
      String amount = format(39_000, currency, locale);
      assertThat(amount).as(currency + " in " + locale).containsAnyOf("390.00", "390,00");
      if (currency.equals("USD") && locale.equals("en")) {
        continue; // the one place a bare "$" is right: US English and its own dollar
      }
      assertThat(amount).as(currency + " in " + locale).doesNotMatch(".*(^|[^A-Za-z])\\$\\s?390.*|.*390[.,]00\\s?\\$$");
    }
    assertThat(format(39_000, "TWD", locale)).containsAnyOf("NT$", "TWD");
    assertThat(CURRENCIES.stream().map(c -> format(39_000, c, locale)).distinct()).hasSize(CURRENCIES.size());
  }

  @Test
  void the_local_currency_keeps_its_usual_sign_except_a_bare_dollar() {
    assertThat(format(39_000, "TWD", "zh-TW")).isEqualTo("NT$390.00");
    assertThat(format(39_000, "CNY", "zh-CN")).isEqualTo("¥390.00");
    assertThat(format(39_000, "DKK", "da-DK")).isEqualTo("390,00 kr.");
    assertThat(format(39_000, "BGN", "bg-BG")).isEqualTo("390,00 лв.");
    assertThat(format(39_000, "EUR", "fr-FR")).isEqualTo("390,00 €");
    assertThat(format(39_000, "USD", "en-IE")).isEqualTo("US$390.00");
    assertThat(format(39_000, "EUR", "en-IE")).isEqualTo("€390.00");
  }

  @Test
  void formats_follow_the_page_language_and_the_organisations_country_where_cldr_knows_the_pair() {
    assertThat(LocalFormats.combine(Locale.ENGLISH, "IE")).isEqualTo(Locale.forLanguageTag("en-IE"));
    assertThat(LocalFormats.combine(Locale.forLanguageTag("fr-FR"), "IE")).isEqualTo(Locale.forLanguageTag("fr-FR"));
    assertThat(LocalFormats.combine(Locale.forLanguageTag("zh-TW"), "IE")).isEqualTo(Locale.forLanguageTag("zh-TW"));
    assertThat(LocalFormats.combine(Locale.forLanguageTag("da-DK"), "FR")).isEqualTo(Locale.forLanguageTag("da-DK"));
    assertThat(LocalFormats.combine(Locale.ENGLISH, null)).isEqualTo(Locale.ENGLISH);
    assertThat(LocalFormats.combine(Locale.ENGLISH, "not a country")).isEqualTo(Locale.ENGLISH);
  }
}
