package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Counted messages through the application's ICU message source, on the real bundles: 0, 1, 2, 25
 * and 156 in all six languages, each with its own plural rules (French counts 0 as singular,
 * Danish and Bulgarian do not, Chinese never pluralises).
 */
class PluralMessagesTest {

  static final IcuMessageSource MESSAGES = messages();

  static final List<Locale> LANGUAGES =
      Stream.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW").map(Locale::forLanguageTag).toList();

  static final List<Integer> COUNTS = List.of(0, 1, 2, 25, 156);

  /** Every message with a count among its arguments; other arguments are a name or the threshold. */
  static final Map<String, Object[]> COUNTED =
      Map.ofEntries(
          Map.entry("home.subscriptions.assigned", new Object[] {null, 200}),
          Map.entry("error.not_enough_seats", new Object[] {null}),
          Map.entry("error.too_many_licenses", new Object[] {null, 25}),
          Map.entry("cancellation.outcome.too_many_licenses", new Object[] {null, 25, null}),
          Map.entry("help.all-cancellable", new Object[] {null}),
          Map.entry("help.all-above", new Object[] {null}),
          Map.entry("help.mixed", new Object[] {null}),
          Map.entry("help.remove", new Object[] {"Ledger", null}),
          Map.entry("cancel.too-many", new Object[] {null, 25, null}),
          Map.entry("cancel.way.remove.button", new Object[] {null}),
          Map.entry("cancel.preview.losing", new Object[] {null}),
          Map.entry("cancel.confirm.now", new Object[] {null, "€12.00", "10 Apr 2026"}),
          Map.entry("users.option", new Object[] {"Ledger", null, 200}),
          Map.entry("users.assigned", new Object[] {null, null}),
          Map.entry("users.notice.removed", new Object[] {null}));

  static IcuMessageSource messages() {
    IcuMessageSource messages = new IcuMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  static String format(String key, Locale locale, Object... args) {
    return MESSAGES.getMessage(key, args, locale);
  }

  static Stream<Arguments> everyCountedMessageInEveryLanguage() {
    return COUNTED.keySet().stream().flatMap(key -> LANGUAGES.stream().map(l -> Arguments.of(key, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyCountedMessageInEveryLanguage")
  void every_counted_message_formats_0_1_2_25_and_156_in_every_language(String key, Locale locale) {
    for (int n : COUNTS) {
      Object[] args = COUNTED.get(key).clone();
      for (int i = 0; i < args.length; i++) {
        args[i] = args[i] == null ? n : args[i];
      }
      String text = format(key, locale, args);
      assertThat(text).as(key + " " + locale + " " + n).doesNotContain("{", "}", "#", "(s)");
      if (n > 0) { // "Nobody loses access": 0 may be said in words
        assertThat(text).as(key + " " + locale + " " + n).contains(String.valueOf(n));
      }
    }
  }

  static Stream<Arguments> licensesToRemove() {
    return Stream.of(
        Arguments.of("en", List.of("Remove 0 licenses", "Remove 1 license", "Remove 2 licenses", "Remove 25 licenses", "Remove 156 licenses")),
        Arguments.of("fr-FR", List.of("Retirer 0 licence", "Retirer 1 licence", "Retirer 2 licences", "Retirer 25 licences", "Retirer 156 licences")),
        Arguments.of("da-DK", List.of("Fjern 0 licenser", "Fjern 1 licens", "Fjern 2 licenser", "Fjern 25 licenser", "Fjern 156 licenser")),
        Arguments.of("bg-BG", List.of("Премахване на 0 лиценза", "Премахване на 1 лиценз", "Премахване на 2 лиценза", "Премахване на 25 лиценза", "Премахване на 156 лиценза")),
        Arguments.of("zh-CN", List.of("移除 0 个许可证", "移除 1 个许可证", "移除 2 个许可证", "移除 25 个许可证", "移除 156 个许可证")),
        Arguments.of("zh-TW", List.of("移除 0 個授權", "移除 1 個授權", "移除 2 個授權", "移除 25 個授權", "移除 156 個授權")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("licensesToRemove")
  void the_license_count_follows_each_languages_plural_rules(String language, List<String> expected) {
    Locale locale = Locale.forLanguageTag(language);
    assertThat(COUNTS.stream().map(n -> format("cancel.way.remove.button", locale, n)).toList())
        .containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> licensesRemoved() {
    return Stream.of(
        Arguments.of("en", List.of("0 licenses removed.", "1 license removed.", "2 licenses removed.", "25 licenses removed.", "156 licenses removed.")),
        Arguments.of("fr-FR", List.of("0 licence retirée.", "1 licence retirée.", "2 licences retirées.", "25 licences retirées.", "156 licences retirées.")),
        Arguments.of("da-DK", List.of("0 licenser fjernet.", "1 licens fjernet.", "2 licenser fjernet.", "25 licenser fjernet.", "156 licenser fjernet.")),
        Arguments.of("bg-BG", List.of("Премахнати са 0 лиценза.", "Премахнат е 1 лиценз.", "Премахнати са 2 лиценза.", "Премахнати са 25 лиценза.", "Премахнати са 156 лиценза.")),
        Arguments.of("zh-CN", List.of("已移除 0 个许可证。", "已移除 1 个许可证。", "已移除 2 个许可证。", "已移除 25 个许可证。", "已移除 156 个许可证。")),
        Arguments.of("zh-TW", List.of("已移除 0 個授權。", "已移除 1 個授權。", "已移除 2 個授權。", "已移除 25 個授權。", "已移除 156 個授權。")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("licensesRemoved")
  void the_removal_notice_follows_each_languages_plural_rules(String language, List<String> expected) {
    Locale locale = Locale.forLanguageTag(language);
    assertThat(COUNTS.stream().map(n -> format("users.notice.removed", locale, n)).toList())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void french_agrees_the_assigned_count_and_writes_large_numbers_the_french_way() {
    Locale fr = Locale.forLanguageTag("fr-FR");
    assertThat(format("users.assigned", fr, 0, 5)).isEqualTo("0 licence attribuée sur 5");
    assertThat(format("users.assigned", fr, 2, 5)).isEqualTo("2 licences attribuées sur 5");
    assertThat(format("cancel.way.remove.button", fr, 1200)).isEqualTo("Retirer 1\u202f200 licences");
  }

  @Test
  void apostrophes_print_once_whether_doubled_or_single() {
    assertThat(format("help.only-trials", Locale.ENGLISH)).startsWith("Based on your organisation's data");
    assertThat(MESSAGES.getMessage(new DefaultMessageSourceResolvable(new String[] {"none"}, "It's {0}"), Locale.ENGLISH))
        .isEqualTo("It's {0}");
  }

  @Test
  void validation_messages_carry_the_constraints_numbers_in_bulgarian_and_traditional_chinese() {
    Locale bg = Locale.forLanguageTag("bg-BG");
    Locale tw = Locale.forLanguageTag("zh-TW");
    // Spring's arguments of @Size: {0} the field, {1} max, {2} min.
    assertThat(format("Size.java.lang.String", bg, "name", 200, 0)).isEqualTo("Най-много 200 знака.");
    assertThat(format("Size.java.lang.String", bg, "name", 1, 0)).isEqualTo("Най-много 1 знак.");
    assertThat(format("Size.java.lang.String", bg, "name", Integer.MAX_VALUE, 12)).isEqualTo("Поне 12 знака.");
    assertThat(format("Size.java.lang.String", tw, "name", 128, 12)).isEqualTo("長度必須為 12 到 128 個字元。");
    assertThat(format("Max", bg, "expiryYear", 2100L)).isEqualTo("Стойността трябва да е най-много 2100.");
    assertThat(format("NotBlank", tw, "displayName")).isEqualTo("不可空白。");
  }
}
