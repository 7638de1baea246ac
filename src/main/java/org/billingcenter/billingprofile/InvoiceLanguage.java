package org.billingcenter.billingprofile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six languages an invoice can be written in, by the tags the pages use ({@code en},
 * {@code fr-FR}, ...). An organisation's own language may be broader ({@code fr}) or regional
 * ({@code en-IE}): {@link #closest} maps it onto one of them.
 */
public final class InvoiceLanguage {

  public static final List<String> TAGS = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");

  private InvoiceLanguage() {}

  /** The supported tag exactly as typed (case-insensitive), or empty. */
  public static Optional<String> of(String tag) {
    return TAGS.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst();
  }

  /** The supported language nearest to {@code locale}: same language (and for Chinese, script or region), else English. */
  public static Locale closest(Locale locale) {
    if (locale == null) {
      return Locale.ENGLISH;
    }
    String language = locale.getLanguage();
    if (language.equals("zh")) {
      boolean traditional = locale.getScript().equals("Hant") || List.of("TW", "HK", "MO").contains(locale.getCountry());
      return Locale.forLanguageTag(traditional ? "zh-TW" : "zh-CN");
    }
    return TAGS.stream().map(Locale::forLanguageTag).filter(l -> l.getLanguage().equals(language)).findFirst()
        .orElse(Locale.ENGLISH);
  }

  /** The tag of a supported locale ({@code en} for English, whatever its region). */
  public static String tag(Locale locale) {
    Locale supported = closest(locale);
    return supported.getLanguage().equals("en") ? "en" : supported.toLanguageTag();
  }
}
