package org.billingcenter.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.time.LocalDate;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Reason;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds localised problem details. The message of code {@code X} is the bundle key
 * {@code error.x}; the title is the localised name of the HTTP status.
 */
@Component
public class Problems {

  /** What a 503 tells clients to wait before retrying. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private final MessageSource messages;
  private final JsonMapper json;
  private final LocalFormats formats;

  Problems(MessageSource messages, JsonMapper json, LocalFormats formats) {
    this.messages = messages;
    this.json = json;
    this.formats = formats;
  }

  public static HttpStatus status(Reason.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
    };
  }

  /** Writes a problem straight to the response, for filters that run outside Spring MVC. */
  public void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Locale locale)
      throws IOException {
    write(request, response, status, code, List.of(), locale);
  }

  /** As above, with the arguments the code's message needs. */
  public void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      List<?> arguments, Locale locale)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json(request.getRequestURI(), status, code, arguments, locale));
  }

  /** The problem as UTF-8 JSON bytes; {@code instance} is the path it is about, when known. */
  byte[] json(String instance, HttpStatus status, String code, Locale locale) {
    return json(instance, status, code, List.of(), locale);
  }

  private byte[] json(String instance, HttpStatus status, String code, List<?> arguments, Locale locale) {
    ProblemDetail problem = of(status, code, arguments, locale);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (instance != null) {
      body.put("instance", instance);
    }
    body.putAll(problem.getProperties());
    return json.writeValueAsBytes(body);
  }

  /**
   * The code of an error answer that carries nothing more specific than its status (the servlet
   * container's refusals, {@code sendError} from a filter or Spring MVC's own resolvers).
   */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "MALFORMED_REQUEST";
      case 401 -> "NOT_SIGNED_IN";
      case 403 -> "NOT_PERMITTED";
      case 404 -> "NO_SUCH_PATH";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
    };
  }

  /**
   * The database cannot be reached right now (down, restarting, connections refused or timed out,
   * a commit that could not complete): worth a 503 and a retry, not a 500.
   */
  public static boolean databaseUnavailable(Throwable e) {
    return e instanceof DataAccessResourceFailureException
        || e instanceof TransientDataAccessException
        || e instanceof RecoverableDataAccessException
        || e instanceof CannotCreateTransactionException
        || e instanceof TransactionSystemException
        || onDemotedServer(e);
  }

  /**
   * A write refused because the server is read-only ({@code 25006}): the primary this connection was
   * opened to has been demoted (a switchover, or a primary that lost its cluster's DCS). Nothing was
   * written; the pool finds the new primary (issue 19). Spring leaves this SQLState uncategorised.
   */
  private static boolean onDemotedServer(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLException sql && "25006".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** 503 with Retry-After, for filters that meet an unreachable database outside Spring MVC. */
  public void writeDatabaseUnavailable(HttpServletRequest request, HttpServletResponse response, Locale locale)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", locale);
  }

  /**
   * The localised sentence for a refusal code: bundle key {@code error.<code in lower case>}. An
   * enum argument (a status) is shown by its own message, never by its constant name.
   */
  public String detail(String code, List<?> arguments, Locale locale) {
    return messages.getMessage("error." + code.toLowerCase(Locale.ROOT), localised(arguments, locale), code, locale);
  }

  /** A sentence in the reader's language, its values formatted for the reader (pages and API alike). */
  public String text(Message message, Locale locale) {
    return messages.getMessage(message.key(), localised(message.arguments(), locale), locale);
  }

  /**
   * Values as the reader reads them: dates and money in the page's formats, a status by its
   * localised name (bundle key from the enum's name, e.g. {@code subscription.status.ACTIVE}), an
   * unknown value as a dash. Numbers stay numbers for the message's own number and choice formats.
   */
  private Object[] localised(List<?> arguments, Locale locale) {
    return arguments.stream().map(argument -> localised(argument, locale)).toArray();
  }

  private Object localised(Object argument, Locale locale) {
    if (argument == null) {
      return "—";
    }
    if (argument instanceof LocalDate date) {
      return formats.longDate(date, locale);
    }
    if (argument instanceof Money money) {
      return formats.money(money, locale);
    }
    if (argument instanceof Enum<?> constant) {
      String prefix = constant.getDeclaringClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
      return messages.getMessage(prefix + "." + constant.name(), null, constant.name(), locale);
    }
    return argument;
  }

  public ProblemDetail of(HttpStatus status, String code, List<?> arguments, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    String key = code.toLowerCase(Locale.ROOT);
    problem.setType(URI.create("/problems/" + key.replace('_', '-')));
    problem.setTitle(
        messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
    problem.setDetail(detail(code, arguments, locale));
    problem.setProperty("code", code);
    return problem;
  }
}
