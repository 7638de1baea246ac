package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one place a redirect target taken from the request (the {@code Referer}, a {@code continue}
 * parameter) is made safe: only a path of this application survives, as path and query; anything
 * else, or anything odd, becomes {@code /}. Browsers read {@code //host}, {@code /\host}, a tab or
 * newline inside a URL and {@code scheme:} forms as another site, so all of those are refused.
 */
public final class LocalRedirect {

  private static final String HOME = "/";

  private LocalRedirect() {}

  /** Where a refused page action or an unknown page goes back to: the Referer if it is ours, else home. */
  public static String back(HttpServletRequest request) {
    String target = target(request.getHeader("Referer"), request);
    // A page that cannot be shown must not send the browser back to itself (a redirect loop).
    boolean sameAsThisPage = "GET".equals(request.getMethod()) && target.equals(pathAndQuery(request));
    return sameAsThisPage ? HOME : target;
  }

  /**
   * The path and query of {@code candidate} if it points into this application: an absolute URL of
   * the request's own scheme, host and port, or a local absolute path ({@code /x}, not {@code //x}).
   */
  public static String target(String candidate, HttpServletRequest request) {
    // "//x" and "///x" are another host to a browser, whatever java.net.URI makes of them.
    if (candidate == null || candidate.isEmpty() || candidate.startsWith("//") || !plain(candidate)) {
      return HOME;
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      return HOME;
    }
    boolean absolute = uri.getScheme() != null || uri.getRawAuthority() != null;
    if (uri.isOpaque() || absolute && !sameOrigin(uri, request)) {
      return HOME;
    }
    String path = uri.getRawPath();
    if (path == null || !path.startsWith("/") || path.startsWith("//")) {
      return HOME;
    }
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Printable ASCII only, no backslash: what a browser would strip or reinterpret is refused. */
  private static boolean plain(String candidate) {
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean sameOrigin(URI uri, HttpServletRequest request) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
        && uri.getRawUserInfo() == null
        && uri.getHost() != null
        && uri.getHost().equalsIgnoreCase(request.getServerName())
        && port(uri.getPort(), scheme) == request.getServerPort();
  }

  private static int port(int port, String scheme) {
    return port != -1 ? port : "https".equals(scheme) ? 443 : 80;
  }

  private static String pathAndQuery(HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }
}
