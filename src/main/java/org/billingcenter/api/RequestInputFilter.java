package org.billingcenter.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What every request must be before anything reads it: a body says what it is (a wildcard
 * Content-Type such as {@code *}{@code /*} is 415: Spring MVC would fail on it with a 500), and every
 * request parameter, query string and page form alike, passes {@link SafeText} (JSON bodies are
 * checked by {@link StrictJson}). Reading the parameters here
 * also makes the container's own refusals of a form (too large, undecodable) a clean 413 or 400
 * instead of an exception in whichever filter happened to ask first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21) // right after the body limit, before Spring Security
class RequestInputFilter extends OncePerRequestFilter {

  private final Problems problems;
  private final LocaleResolver locales;

  RequestInputFilter(Problems problems, LocaleResolver locales) {
    this.problems = problems;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (wildcardContentType(request)) {
      refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
      return;
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (InvalidParameterException unreadable) {
      boolean tooLarge = unreadable.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
      refuse(request, response, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
          tooLarge ? "PAYLOAD_TOO_LARGE" : "MALFORMED_REQUEST");
      return;
    }
    if (!parameters.entrySet().stream().allMatch(RequestInputFilter::safe)) {
      refuse(request, response, HttpStatus.BAD_REQUEST, "INVALID_TEXT");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean wildcardContentType(HttpServletRequest request) {
    String header = request.getContentType();
    if (header == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(header);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException unparsable) {
      return false; // Spring MVC answers an unreadable Content-Type with 415 itself
    }
  }

  private static boolean safe(Map.Entry<String, String[]> parameter) {
    return SafeText.isSafe(parameter.getKey())
        && java.util.Arrays.stream(parameter.getValue()).allMatch(value -> value == null || SafeText.isSafe(value));
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    if (request.getRequestURI().startsWith("/api/")) {
      problems.write(request, response, status, code, locale);
    } else {
      response.sendError(status.value(), problems.detail(code, List.of(), locale));
    }
  }
}
