package org.billingcenter.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switcher's targets: this very page with its query, only {@code lang} changed. A page
 * rendered by a POST (a review step) cannot be reached by a link, so there the switcher re-submits
 * the same form fields; an error page links to the address that failed. One call per page ({@code
 * ${@languages.of(#locale)}}) works everything out: every page renders the switcher, and a call per
 * language and per attribute was a visible part of a page's CPU.
 */
@Component("languages")
class LanguageSwitcher {

  /** A language as the switcher offers it: its tag and its own name (autonym, never translated). */
  record Language(String tag, String lang, String name, Locale locale) {

    Language(String tag, String lang, String name) {
      this(tag, lang, name, WebConfig.SupportedLocaleResolver.match(Locale.forLanguageTag(tag), WebConfig.SUPPORTED));
    }
  }

  private static final List<Language> ALL =
      List.of(
          new Language("en", "en", "English"),
          new Language("fr-FR", "fr", "Français"),
          new Language("da-DK", "da", "Dansk"),
          new Language("bg-BG", "bg", "Български"),
          new Language("zh-CN", "zh-CN", "简体中文"),
          new Language("zh-TW", "zh-TW", "繁體中文"));

  /** A form field to send again. */
  public record Field(String name, String value) {}

  /** One entry: where it leads and whether it is the page's own language. */
  public record Choice(String tag, String lang, String name, String href, boolean current) {}

  /** The switcher of one page: links, or forms re-submitting {@code fields} when a POST rendered it. */
  public record Switcher(List<Choice> choices, boolean resubmits, List<Field> fields) {}

  public Switcher of(Locale page) {
    HttpServletRequest request = request();
    UriComponentsBuilder here = here(request);
    List<Choice> choices = new ArrayList<>(ALL.size());
    for (Language l : ALL) {
      String href = here.cloneBuilder().replaceQueryParam("lang", l.tag()).build().toUriString();
      choices.add(new Choice(l.tag(), l.lang(), l.name(), href, l.locale().equals(page)));
    }
    boolean resubmits = resubmits(request);
    return new Switcher(choices, resubmits, resubmits ? fields(request) : List.of());
  }

  /** The current address (path and query). */
  private static UriComponentsBuilder here(HttpServletRequest request) {
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String query = path == null ? request.getQueryString() : (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
    if (path == null) {
      path = request.getRequestURI();
    }
    // Only a path of this application: a leading "//" would make the link leave the site.
    path = "/" + path.replaceFirst("^/+", "");
    return UriComponentsBuilder.fromPath(path).query(query);
  }

  /** True on a page a POST rendered (not on an error page, where a repeat could act twice). */
  private static boolean resubmits(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null;
  }

  /** The submitted form fields, less the CSRF token (the form carries a fresh one) and the language. */
  private static List<Field> fields(HttpServletRequest request) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      if (name.equals("_csrf") || name.equals("lang")) {
        continue;
      }
      for (String value : parameter.getValue()) {
        fields.add(new Field(name, value));
      }
    }
    return fields;
  }

  private static HttpServletRequest request() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
  }
}
