package org.billingcenter.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles formatted with ICU's MessageFormat instead of the JDK's, so every message
 * (pages, problem details, flash notices, validation) can use CLDR plural rules
 * ({@code {0, plural, one {# licence} other {# licences}}}) in its own language: French counts 0
 * as singular, Chinese never pluralises, which {@code java.text.ChoiceFormat} cannot express.
 *
 * <p>Bundle lookup, fallback and argument resolution stay Spring's; only the formatting changes.
 * Every message is formatted, with or without arguments, so apostrophes follow one rule: ICU's
 * default {@code DOUBLE_OPTIONAL} mode ({@code ''} is one {@code '}; a lone {@code '} is literal
 * unless it precedes a brace). Parsed patterns are cached per bundle, key and locale, for as long
 * as the bundles themselves are cached.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

  private final Map<Locale, Map<String, CachedFormat>> formats = new ConcurrentHashMap<>();

  /** A parsed pattern and the raw text it came from (a reloaded bundle invalidates it). */
  private record CachedFormat(String pattern, MessageFormat format) {}

  @Override
  protected String getMessageInternal(String code, Object[] args, Locale locale) {
    if (code == null) {
      return null;
    }
    Locale language = locale == null ? Locale.getDefault() : locale;
    String pattern = resolveCodeWithoutArguments(code, language);
    if (pattern == null) {
      return getMessageFromParent(code, resolveArguments(args, language), language);
    }
    return format(formatFor(code, pattern, language), resolveArguments(args, language));
  }

  /** Default messages (e.g. of a field error) follow the same syntax. */
  @Override
  protected String formatMessage(String message, Object[] args, Locale locale) {
    if (message == null) {
      return null;
    }
    return format(new MessageFormat(message, ULocale.forLocale(locale)), resolveArguments(args, locale));
  }

  private MessageFormat formatFor(String code, String pattern, Locale locale) {
    Map<String, CachedFormat> ofLocale = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
    CachedFormat cached = ofLocale.get(code);
    if (cached == null || !cached.pattern().equals(pattern)) {
      cached = new CachedFormat(pattern, new MessageFormat(pattern, ULocale.forLocale(locale)));
      ofLocale.put(code, cached);
    }
    return cached.format();
  }

  /** ICU formats are not thread-safe: one thread at a time formats with a shared instance. */
  private static String format(MessageFormat format, Object[] args) {
    synchronized (format) {
      return format.format(args == null ? new Object[0] : args);
    }
  }
}
