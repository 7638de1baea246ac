package org.billingcenter.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.billingcenter.shared.Page;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Where the neighbouring pages of a list are: absolute-path URIs of the same request with every
 * other query parameter kept (and re-encoded, so nothing a caller sent can break the framing of a
 * {@code Link} header). The API sends them as an RFC 8288 {@code Link} header, the pages' pager
 * renders them; {@code prev} and {@code next} are null where there is none.
 */
public record PageLinks(
    int page, int pages, long total, String first, String prev, String next, String last) {

  /** The links of {@code page} for the current request, whose page number is {@code pageParameter}. */
  public static PageLinks of(Page<?> page, String pageParameter) {
    return of(currentRequest(), page, pageParameter);
  }

  static PageLinks of(HttpServletRequest request, Page<?> page, String pageParameter) {
    int current = page.request().page();
    int size = page.request().size();
    int last = page.pages();
    String path = request.getRequestURI();
    Map<String, String[]> kept = new LinkedHashMap<>(request.getParameterMap());
    kept.remove(pageParameter);
    kept.remove(PageRequestResolver.SIZE);
    return new PageLinks(
        current,
        last,
        page.total(),
        href(path, kept, pageParameter, 1, size),
        current > 1 ? href(path, kept, pageParameter, Math.min(current - 1, last), size) : null,
        current < last ? href(path, kept, pageParameter, current + 1, size) : null,
        href(path, kept, pageParameter, last, size));
  }

  /** The RFC 8288 header value: {@code <uri>; rel="first", ...}. */
  public String header() {
    List<String> links = new ArrayList<>(4);
    links.add(link(first, "first"));
    if (prev != null) {
      links.add(link(prev, "prev"));
    }
    if (next != null) {
      links.add(link(next, "next"));
    }
    links.add(link(last, "last"));
    return String.join(", ", links);
  }

  /**
   * The current request's path and query without any paging parameter ({@code size}, {@code page}
   * and the {@code ...Page} ones of screens with several lists): page one of every list.
   */
  public static String firstPages(HttpServletRequest request) {
    Map<String, String[]> kept = new LinkedHashMap<>(request.getParameterMap());
    kept.keySet().removeIf(name -> name.equals(PageRequestResolver.SIZE)
        || name.equals(PageRequestResolver.PAGE) || name.endsWith("Page"));
    StringBuilder href = new StringBuilder(request.getRequestURI());
    appendQuery(href, kept);
    return href.toString();
  }

  private static String link(String uri, String rel) {
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }

  private static String href(String path, Map<String, String[]> kept, String pageParameter, int page, int size) {
    Map<String, String[]> query = new LinkedHashMap<>(kept);
    query.put(pageParameter, new String[] {String.valueOf(page)});
    query.put(PageRequestResolver.SIZE, new String[] {String.valueOf(size)});
    StringBuilder href = new StringBuilder(path);
    appendQuery(href, query);
    return href.toString();
  }

  private static void appendQuery(StringBuilder href, Map<String, String[]> query) {
    char separator = '?';
    for (Map.Entry<String, String[]> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        href.append(separator)
            .append(encode(parameter.getKey()))
            .append('=')
            .append(encode(value));
        separator = '&';
      }
    }
  }

  /** A literal '+' would come back as a space: it is encoded too. A bare {@code ?flag} has no value. */
  private static String encode(String text) {
    return text == null ? "" : UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8).replace("+", "%2B");
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
  }
}
