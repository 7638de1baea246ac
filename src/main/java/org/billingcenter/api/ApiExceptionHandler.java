package org.billingcenter.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.billingcenter.shared.MoneyOverflow;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a REST call to problem+json; nothing leaks a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Problems problems;
  private final MessageSource messages;

  ApiExceptionHandler(Problems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(Rejected.class)
  ResponseEntity<ProblemDetail> rejected(Rejected e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(Problems.status(e.reason().kind()), e.reason().code(), e.arguments(), locale);
    e.extensions().forEach(problem::setProperty);
    return respond(problem, request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(
      MethodArgumentNotValidException e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", List.of(), locale);
    problem.setProperty(
        "errors",
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> fieldError(error, locale))
            .toList());
    return respond(problem, request);
  }

  /** A service's own last check of a command (the same constraints the body was checked against). */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> violated(
      ConstraintViolationException e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", List.of(), locale);
    problem.setProperty(
        "errors",
        e.getConstraintViolations().stream()
            .map(v -> Map.of("field", lastNode(v.getPropertyPath()), "message", v.getMessage()))
            .toList());
    return respond(problem, request);
  }

  /** An amount beyond what a long holds: refused and rolled back, never a 500. */
  @ExceptionHandler(MoneyOverflow.class)
  ResponseEntity<ProblemDetail> overflow(HttpServletRequest request, Locale locale) {
    return respond(
        problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "AMOUNT_TOO_LARGE", List.of(), locale), request);
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    org.springframework.security.web.firewall.RequestRejectedException.class,
    MethodArgumentTypeMismatchException.class,
    HandlerMethodValidationException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request, Locale locale) {
    if (PayloadTooLarge.in(e)) {
      return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", List.of(), locale), request);
    }
    String code = e.getCause() instanceof StrictJson.UnsafeText ? "INVALID_TEXT" : "MALFORMED_REQUEST";
    return respond(problems.of(HttpStatus.BAD_REQUEST, code, List.of(), locale), request);
  }

  @ExceptionHandler(PageRequest.Invalid.class)
  ResponseEntity<ProblemDetail> invalidPage(HttpServletRequest request, Locale locale) {
    return respond(
        problems.of(HttpStatus.BAD_REQUEST, PageRequest.Invalid.CODE, List.of(PageRequest.MAX_SIZE), locale),
        request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(HttpServletRequest request, Locale locale) {
    return respond(problems.of(HttpStatus.FORBIDDEN, "NOT_PERMITTED", List.of(), locale), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(HttpServletRequest request, Locale locale) {
    return respond(problems.of(HttpStatus.NOT_FOUND, "NO_SUCH_PATH", List.of(), locale), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpServletRequest request, Locale locale) {
    return respond(
        problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", List.of(), locale),
        request);
  }

  /** The answer is always JSON (problem+json for errors), whatever else Accept asks for. */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request, Locale locale) {
    return respond(problems.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", List.of(), locale), request);
  }

  /** Includes a wildcard or unparsable Content-Type: a body must say what it is. */
  @ExceptionHandler({HttpMediaTypeNotSupportedException.class, InvalidMediaTypeException.class})
  ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request, Locale locale) {
    return respond(
        problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", List.of(), locale),
        request);
  }

  /** The database is down or restarting: 503 with Retry-After, so clients back off and retry. */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ProblemDetail> dataAccess(Exception e, HttpServletRequest request, Locale locale) {
    if (!Problems.databaseUnavailable(e)) {
      return unexpected(e, request, locale);
    }
    log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    ProblemDetail problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", List.of(), locale);
    return answer(problem, request).header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS).body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, Locale locale) {
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", List.of(), locale), request);
  }

  private static String lastNode(Path path) {
    String last = "";
    for (Path.Node node : path) {
      last = node.getName() == null ? last : node.getName();
    }
    return last;
  }

  private Map<String, String> fieldError(FieldError error, Locale locale) {
    return Map.of(
        "field", error.getField(), "message", messages.getMessage(error, locale));
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, HttpServletRequest request) {
    return answer(problem, request).body(problem);
  }

  private static ResponseEntity.BodyBuilder answer(ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
