package org.billingcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static Class<?> load0(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
