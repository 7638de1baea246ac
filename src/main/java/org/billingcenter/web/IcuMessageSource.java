package org.billingcenter.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *
 * <p>A page looks up dozens of messages, most without arguments: their text is formatted once and
 * kept with the pattern. An ICU format is not thread-safe, and one shared instance behind a lock made
 * 16 concurrent page renders queue on popular keys (JFR: lock waits of 10–40 ms on {@code
 * MessageFormat}). So a message with arguments is formatted by an instance no other thread uses
 * meanwhile: one taken from the message's idle instances, or a new copy when all are busy. Copies are
 * kept, not dropped: an instance builds its number format and plural rules on first use.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

  private final Map<Locale, Map<String, CachedFormat>> formats = new ConcurrentHashMap<>();

  /**
   * A parsed pattern, the raw text it came from (a reloaded bundle invalidates it), its text when
   * formatted without arguments and the instances free to format it with arguments.
   */
  private record CachedFormat(String pattern, MessageFormat parsed, String withoutArguments, Queue<MessageFormat> idle) {

    CachedFormat(String pattern, MessageFormat parsed) {
      this(pattern, parsed, parsed.format(new Object[0]), new ConcurrentLinkedQueue<>());
    }

    String format(Object[] args) {
      if (args == null || args.length == 0) {
        return withoutArguments;
      }
      MessageFormat format = idle.poll();
      if (format == null) {
        format = (MessageFormat) parsed.clone();
      }
      try {
        return format.format(args);
      } finally {
        idle.offer(format);
      }
    }
  }

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
    return formatFor(code, pattern, language).format(resolveArguments(args, language));
  }

  /** Default messages (e.g. of a field error) follow the same syntax. */
  @Override
  protected String formatMessage(String message, Object[] args, Locale locale) {
    if (message == null) {
      return null;
    }
    Object[] resolved = resolveArguments(args, locale);
    return new MessageFormat(message, ULocale.forLocale(locale)).format(resolved == null ? new Object[0] : resolved);
  }

  private CachedFormat formatFor(String code, String pattern, Locale locale) {
    Map<String, CachedFormat> ofLocale = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
    CachedFormat cached = ofLocale.get(code);
    if (cached == null || !cached.pattern().equals(pattern)) {
      cached = new CachedFormat(pattern, new MessageFormat(pattern, ULocale.forLocale(locale)));
      ofLocale.put(code, cached);
    }
    return cached;
  }
}
