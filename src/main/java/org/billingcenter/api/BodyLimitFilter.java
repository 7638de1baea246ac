package org.billingcenter.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every request body, API or page, is limited ({@code billing-center.http.max-body-size}, 1 MB by
 * default) while it is read, before anything buffers it: a declared Content-Length over the limit is
 * refused at once, a chunked body the moment it passes the limit. The answer is 413 (problem+json
 * under /api/**). Page forms are parsed by Tomcat itself, which {@code
 * server.tomcat.max-http-form-post-size} limits to the same size. File uploads ({@code
 * billing-center.http.upload-paths}, e.g. a members CSV import) may be larger: {@code
 * billing-center.http.max-upload-size}, 5 MB by default (multipart page uploads are also limited by
 * {@code spring.servlet.multipart.*}, set to the same size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // before Spring Security and the Idempotency-Key filter
class BodyLimitFilter extends OncePerRequestFilter {

  private final long defaultLimit;
  private final long uploadLimit;
  private final Set<String> uploadPaths;
  private final Problems problems;
  private final LocaleResolver locales;

  BodyLimitFilter(
      @Value("${billing-center.http.max-body-size:1MB}") DataSize limit,
      @Value("${billing-center.http.max-upload-size:5MB}") DataSize uploadLimit,
      @Value("${billing-center.http.upload-paths:}") String uploadPaths,
      Problems problems,
      LocaleResolver locales) {
    this.defaultLimit = limit.toBytes();
    this.uploadLimit = uploadLimit.toBytes();
    this.uploadPaths = Set.of(org.springframework.util.StringUtils.tokenizeToStringArray(uploadPaths, ","));
    this.problems = problems;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = uploadPaths.contains(request.getRequestURI()) ? uploadLimit : defaultLimit;
    if (request.getContentLengthLong() > limit) {
      refuse(request, response);
      return;
    }
    if (!mayHaveBody(request)) {
      // Every attribute lookup of a page goes through each wrapper: no body, nothing to limit.
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(new Limited(request, limit), response);
    } catch (IOException | ServletException | RuntimeException failed) {
      if (!PayloadTooLarge.in(failed) || response.isCommitted()) {
        throw failed;
      }
      response.reset();
      refuse(request, response);
    }
  }

  /** A body needs a length above zero or chunked transfer encoding (RFC 9112 §6.3). */
  private static boolean mayHaveBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getRequestURI().startsWith("/api/")) {
      problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", locales.resolveLocale(request));
    } else {
      response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
  }

  /** The request whose body stream fails once more than {@code limit} bytes were read from it. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws PayloadTooLarge {
      read += n;
      if (read > limit) {
        throw new PayloadTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
