package org.billingcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.billingcenter.shared.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Six bundles in step, every reason code translated, and no user-visible literal in templates. */
class I18nMessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = I18nMessagesTest.class.getResourceAsStream("/" + name + ".properties")) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW"})
  void every_bundle_has_exactly_the_english_keys(String bundle) throws IOException {
    Set<String> english = new TreeSet<>(load("messages").stringPropertyNames());
    Set<String> other = new TreeSet<>(load(bundle).stringPropertyNames());
    assertThat(other).as("keys of " + bundle).containsExactlyElementsOf(english);
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW"})
  void translations_are_not_left_in_english(String bundle) throws IOException {
    Properties english = load("messages");
    Properties other = load(bundle);
    // Pure formats ("{0} – {1}") and the odd shared word ("Status") may match; words mostly must not.
    List<String> same =
        english.stringPropertyNames().stream()
            .filter(key -> !key.equals("app.name"))
            .filter(key -> english.getProperty(key).replaceAll("\\{[^}]*}", "").matches(".*\\p{L}{2,}.*"))
            .filter(key -> english.getProperty(key).equals(other.getProperty(key)))
            .toList();
    assertThat(same.size()).as("messages identical to English in " + bundle + ": " + same)
        .isLessThanOrEqualTo(english.size() / 20);
  }

  @Test
  void every_reason_code_has_a_message() throws Exception {
    Properties english = load("messages");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<Class<?>> reasons =
          sources
              .filter(p -> p.toString().endsWith("Reason.java"))
              .map(p -> p.toString().replace("src/main/java/", "").replace(".java", "").replace('/', '.'))
              .filter(name -> !name.endsWith(".shared.Reason"))
              .map(I18nMessagesTest::load0)
              .filter(Reason.class::isAssignableFrom)
              .toList();
      assertThat(reasons).isNotEmpty();
      for (Class<?> type : reasons) {
        for (Object constant : type.getEnumConstants()) {
          String key = "error." + ((Reason) constant).code().toLowerCase(java.util.Locale.ROOT);
          assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
      }
    }
  }

  /** Text between tags must come from th:text; only punctuation placeholders and language names may stand. */
  @Test
  void templates_carry_no_user_visible_literals() throws IOException {
    Pattern textNode = Pattern.compile(">([^<]+)<");
    Set<String> allowed = Set.of("·", "⋯", "English", "Français", "Dansk", "Български", "简体中文", "繁體中文");
    List<String> found = new java.util.ArrayList<>();
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = textNode.matcher(Files.readString(template));
        while (m.find()) {
          String text = m.group(1).strip();
          if (!text.isEmpty() && !allowed.contains(text)) {
            found.add(template.getFileName() + ": " + text);
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  // --- 11.17: ICU syntax, plural rules, typography and terms of the native-speaker review ---

  static final List<String> BUNDLES =
      List.of("messages", "messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW");

  static final Map<String, String> LOCALES =
      Map.of("messages", "en", "messages_fr", "fr-FR", "messages_da", "da-DK", "messages_bg", "bg-BG",
          "messages_zh_CN", "zh-CN", "messages_zh_TW", "zh-TW");

  /** Messages with a date argument, and which arguments are dates. */
  static final Map<String, Set<Integer>> DATE_ARGUMENTS =
      Map.ofEntries(
          Map.entry("cancellation.outcome.allowed", Set.of(1)),
          Map.entry("cancellation.outcome.allowed.end_of_term", Set.of(0)),
          Map.entry("cancellation.outcome.nothing_to_cancel_trial.expires", Set.of(0)),
          Map.entry("cancellation.outcome.nothing_to_cancel_trial.converts", Set.of(0)),
          Map.entry("cancellation.done.allowed", Set.of(1)),
          Map.entry("cancellation.done.allowed.end_of_term", Set.of(0)),
          Map.entry("products.trial-ends", Set.of(0)),
          Map.entry("products.trial-converts", Set.of(0)),
          Map.entry("products.ends-on", Set.of(0)),
          Map.entry("details.period.value", Set.of(0, 1)),
          Map.entry("trial.panel.converts", Set.of(0)),
          Map.entry("trial.panel.ends", Set.of(0)),
          Map.entry("trial.panel.extend.check", Set.of(1)),
          Map.entry("trial.panel.extend.from", Set.of(1)),
          Map.entry("trial.buy.confirm.summary", Set.of(1)),
          Map.entry("trial.buy.done.text", Set.of(1)),
          Map.entry("cancel.trial.converts", Set.of(0)),
          Map.entry("cancel.trial.expires", Set.of(0)),
          Map.entry("cancel.trial.conversion-off", Set.of(0)),
          Map.entry("cancel.preview.now", Set.of(1)),
          Map.entry("cancel.preview.end-of-term", Set.of(0)),
          Map.entry("cancel.confirm.now", Set.of(2)),
          Map.entry("cancel.confirm.end-of-term", Set.of(0)),
          Map.entry("cancel.done.end-of-term", Set.of(1)),
          Map.entry("cancel.done.credit", Set.of(1)),
          Map.entry("invoice.kind.INVOICE", Set.of(0)),
          Map.entry("invoice.kind.CREDIT_NOTE", Set.of(0)),
          Map.entry("notification.mail.trial_will_end.converts", Set.of(0)),
          Map.entry("notification.mail.trial_will_end.expires", Set.of(0)),
          Map.entry("notification.mail.trial_converted.text", Set.of(1)),
          Map.entry("notification.mail.trial_expired.text", Set.of(0)),
          Map.entry("notification.mail.subscription_cancelled.by", Set.of(1)),
          Map.entry("notification.mail.subscription_cancelled.on-behalf", Set.of(0)),
          Map.entry("notification.mail.subscription_cancelled.credit", Set.of(1)),
          Map.entry("notification.mail.invoice_issued.subject", Set.of(0)),
          Map.entry("notification.mail.invoice_issued.text", Set.of(0)),
          Map.entry("notification.mail.subscription_expired.text", Set.of(0, 1)),
          Map.entry("notification.mail.subscription_disabled.text", Set.of(0, 1)),
          Map.entry("notification.mail.subscription_deleted.text", Set.of(0)),
          Map.entry("notification.mail.webhook_endpoint_disabled.text", Set.of(1)),
          // Issue 18 mails: begin
          Map.entry("notification.mail.payment_failed.next-try", Set.of(0)),
          Map.entry("notification.mail.subscription_expired.text.payment_failed", Set.of(0, 1)));
          // Issue 18 mails: end

  @ParameterizedTest
  @ValueSource(strings = {"messages", "messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW"})
  void every_message_parses_as_an_icu_message_format(String bundle) throws IOException {
    Properties messages = load(bundle);
    ULocale locale = ULocale.forLanguageTag(LOCALES.get(bundle));
    List<String> broken = new java.util.ArrayList<>();
    for (String key : messages.stringPropertyNames()) {
      try {
        new MessageFormat(messages.getProperty(key), locale);
      } catch (IllegalArgumentException e) {
        broken.add(key + ": " + e.getMessage());
      }
    }
    assertThat(broken).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW"})
  void a_message_counted_with_plural_rules_in_english_is_counted_with_them_in_every_language(String bundle)
      throws IOException {
    Properties english = load("messages");
    Properties other = load(bundle);
    // The counted argument may differ (French agrees "attribuées" with the assigned count, English
    // counts "of 5 licenses"), but a message that counts in English counts in every language.
    for (String key : english.stringPropertyNames()) {
      if (!pluralArguments(english.getProperty(key)).isEmpty()) {
        assertThat(pluralArguments(other.getProperty(key))).as(bundle + " " + key).isNotEmpty();
      }
    }
  }

  /**
   * Parallel branches append to the bundles and git merges them with the union driver
   * (.gitattributes), which keeps both sides of an edited line: a key twice would silently keep
   * whichever comes last. No key may appear twice in a bundle.
   */
  @Test
  void no_bundle_holds_a_key_twice() throws IOException {
    for (String bundle : BUNDLES) {
      List<String> keys = Files.readAllLines(Path.of("src/main/resources/" + bundle + ".properties"), StandardCharsets.UTF_8)
          .stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!") && line.contains("="))
          .map(line -> line.substring(0, line.indexOf('=')).strip())
          .toList();
      assertThat(keys).as(bundle).doesNotHaveDuplicates();
    }
  }

  @Test
  void no_message_counts_with_the_jdk_choice_format_any_more() throws IOException {
    for (String bundle : BUNDLES) {
      Properties messages = load(bundle);
      for (String key : messages.stringPropertyNames()) {
        assertThat(messages.getProperty(key)).as(bundle + " " + key).doesNotContainPattern("\\{\\s*\\d+\\s*,\\s*choice");
      }
    }
  }

  /** French typography: U+00A0 before a colon, U+202F before ; ! ? (never a plain space, never none). */
  @Test
  void french_puts_the_right_narrow_spaces_before_high_punctuation() throws IOException {
    Properties french = load("messages_fr");
    List<String> wrong = new java.util.ArrayList<>();
    for (String key : french.stringPropertyNames()) {
      String text = french.getProperty(key).replaceAll("\\{[^{}]*}", "");
      for (int i = 1; i < text.length(); i++) {
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        if ((c == ':' && before != '\u00a0') || (";!?".indexOf(c) >= 0 && before != '\u202f')) {
          wrong.add(key + ": …" + text.substring(Math.max(0, i - 12), i + 1));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Bulgarian dates end in "г." already: a sentence ending in a date must not add a second period. */
  @Test
  void bulgarian_sentences_with_a_date_never_print_two_periods() throws IOException {
    Properties bulgarian = load("messages_bg");
    Locale bg = Locale.forLanguageTag("bg-BG");
    for (FormatStyle style : List.of(FormatStyle.MEDIUM, FormatStyle.LONG)) {
      String date = DateTimeFormatter.ofLocalizedDate(style).withLocale(bg).format(LocalDate.of(2026, 4, 10));
      assertThat(date).endsWith("г.");
      DATE_ARGUMENTS.forEach((key, dates) ->
          assertThat(formatWithDates(bulgarian.getProperty(key), bg, dates, date)).as(key).doesNotContain("г..").doesNotContain("г. ."));
    }
  }

  /** Chinese writes a date into the sentence without spaces, and a range with 至, not a Western dash. */
  @ParameterizedTest
  @ValueSource(strings = {"messages_zh_CN", "messages_zh_TW"})
  void chinese_sentences_hold_dates_without_spaces_and_ranges_without_dashes(String bundle) throws IOException {
    Properties chinese = load(bundle);
    Locale locale = Locale.forLanguageTag(LOCALES.get(bundle));
    String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.of(2026, 4, 10));
    DATE_ARGUMENTS.forEach((key, dates) -> {
      String text = formatWithDates(chinese.getProperty(key), locale, dates, date);
      assertThat(text).as(key).doesNotContain(" " + date).doesNotContain(date + " ").doesNotContain("–").doesNotContain(" - ");
    });
  }

  /** Terms and forms the review replaced; one term per concept per language. */
  @Test
  void the_reviewed_wordings_stay_fixed() throws IOException {
    Map<String, List<String>> forbidden =
        Map.of(
            "messages_fr", List.of("libre(s)", "nous la résilierons", " 1 licences", "Nouvelles"),
            "messages_da", List.of("forespørgsel", "Tag den", "bliver betalt den", "Taget"),
            "messages_bg", List.of("Да, прекрати", "Не, запази го"),
            "messages_zh_CN", List.of("新建", "计费管理员", "计费 ›"),
            "messages_zh_TW", List.of("新建", "計費管理員"));
    forbidden.forEach((bundle, words) -> {
      try {
        Properties messages = load(bundle);
        for (String key : messages.stringPropertyNames()) {
          assertThat(messages.getProperty(key)).as(bundle + " " + key).doesNotContain(words);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Every status shown in a sentence has a message: no enum constant name appears in a translation. */
  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_da", "messages_bg", "messages_zh_CN", "messages_zh_TW"})
  void translations_carry_no_constant_names(String bundle) throws IOException {
    Properties messages = load(bundle);
    for (String key : messages.stringPropertyNames()) {
      assertThat(messages.getProperty(key)).as(bundle + " " + key)
          .doesNotContainPattern("\\b(ACTIVE|TRIAL|EXPIRED|DISABLED|DELETED|NEW|CLAIMED|COMPLETED|WITHDRAWN|NOW|END_OF_TERM)\\b");
    }
  }

  /** Argument numbers that a message formats with plural rules. */
  static Set<Integer> pluralArguments(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Set<Integer> found = new TreeSet<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      MessagePattern.Part part = parsed.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.PLURAL) {
        found.add(parsed.getPart(i + 1).getValue());
      }
    }
    return found;
  }

  /** Formats with the given date text in the date arguments, 2 in counted ones, a name elsewhere. */
  static String formatWithDates(String pattern, Locale locale, Set<Integer> dates, String date) {
    Set<Integer> counted = pluralArguments(pattern);
    Object[] args = new Object[4];
    for (int i = 0; i < args.length; i++) {
      args[i] = dates.contains(i) ? date : counted.contains(i) ? (Object) 2 : "Ledger";
    }
    return new MessageFormat(pattern, ULocale.forLocale(locale)).format(args);
  }

  private static Class<?> load0(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
