package org.billingcenter.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every error that reaches the servlet container's error page for an /api/** request (a
 * {@code sendError} from Spring MVC for an unknown route or a wrong method, an exception thrown by
 * a filter) is answered as problem+json with a code, instead of the HTML or JSON of the page-side
 * error handling, which stays as it is for every other path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiErrorDispatch {

  @Bean
  FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(Problems problems, LocaleResolver locales) {
    FilterRegistrationBean<ApiErrorFilter> registration =
        new FilterRegistrationBean<>(new ApiErrorFilter(problems, locales));
    registration.setDispatcherTypes(DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30); // before Spring Security sees the error dispatch
    return registration;
  }

  static final class ApiErrorFilter extends OncePerRequestFilter {
    private final Problems problems;
    private final LocaleResolver locales;

    ApiErrorFilter(Problems problems, LocaleResolver locales) {
      this.problems = problems;
      this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (request.getDispatcherType() != DispatcherType.ERROR || !(uri instanceof String path) || !path.startsWith("/api/")) {
        chain.doFilter(request, response);
        return;
      }
      HttpStatus status = status(request);
      String code = Problems.codeFor(status.value());
      if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
          && Problems.databaseUnavailable(failure)) {
        response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
        status = HttpStatus.SERVICE_UNAVAILABLE;
        code = "DATABASE_UNAVAILABLE";
      }
      Locale locale = locales.resolveLocale(request);
      response.setStatus(status.value());
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(problems.json(path, status, code, locale));
    }

    private static HttpStatus status(HttpServletRequest request) {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
      return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
  }
}
