package org.billingcenter.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.billingcenter.shared.Reason;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds localised problem details. The message of code {@code X} is the bundle key
 * {@code error.x}; the title is the localised name of the HTTP status.
 */
@Component
public class Problems {

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  public static HttpStatus status(Reason.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
    };
  }

  public ProblemDetail of(HttpStatus status, String code, List<?> arguments, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    String key = code.toLowerCase(Locale.ROOT);
    problem.setType(URI.create("/problems/" + key.replace('_', '-')));
    problem.setTitle(
        messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
    problem.setDetail(messages.getMessage("error." + key, arguments.toArray(), code, locale));
    problem.setProperty("code", code);
    return problem;
  }
}
