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
 * the same form fields ({@code ${@languages.resubmits()}}); an error page links to the address that
 * failed.
 */
@Component("languages")
class LanguageSwitcher {

  /** A language as the switcher offers it: its tag and its own name (autonym, never translated). */
  record Language(String tag, String lang, String name) {}

  private static final List<Language> ALL =
      List.of(
          new Language("en", "en", "English"),
          new Language("fr-FR", "fr", "Français"),
          new Language("da-DK", "da", "Dansk"),
          new Language("bg-BG", "bg", "Български"),
          new Language("zh-CN", "zh-CN", "简体中文"),
          new Language("zh-TW", "zh-TW", "繁體中文"));

  /** A form field to send again. */
  record Field(String name, String value) {}

  public List<Language> all() {
    return ALL;
  }

  /** The current address (path and query) with {@code lang} set to {@code tag}. */
  public String href(String tag) {
    HttpServletRequest request = request();
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String query = path == null ? request.getQueryString() : (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
    if (path == null) {
      path = request.getRequestURI();
    }
    // Only a path of this application: a leading "//" would make the link leave the site.
    path = "/" + path.replaceFirst("^/+", "");
    return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", tag).build().toUriString();
  }

  /** True on a page a POST rendered (not on an error page, where a repeat could act twice). */
  public boolean resubmits() {
    HttpServletRequest request = request();
    return "POST".equals(request.getMethod()) && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null;
  }

  /** The submitted form fields, less the CSRF token (the form carries a fresh one) and the language. */
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String[]> parameter : request().getParameterMap().entrySet()) {
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

  /** The tag of the page's language, to mark the current one. */
  public boolean current(Language language, Locale page) {
    return WebConfig.SupportedLocaleResolver.match(Locale.forLanguageTag(language.tag()), WebConfig.SUPPORTED)
        .equals(page);
  }

  private static HttpServletRequest request() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
  }
}
