package org.billingcenter.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Tomcat answers some requests itself, before any filter or Spring MVC sees them: a malformed
 * request line, bad percent-encoding, characters not allowed in a URL, a bad Host header. Its
 * error report (HTML) is replaced by problem+json for /api/** and for requests whose path could
 * not even be read (a client of the API is far likelier than a browser to send those); pages keep
 * Tomcat's plain report, without server details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ContainerErrors {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(Problems problems, LocaleResolver locales) {
    interface OrderedCustomizer extends WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {}
    return new OrderedCustomizer() {
      @Override
      public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
          Host host = (Host) context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          ProblemReportValve valve = new ProblemReportValve(problems, locales);
          valve.setShowReport(false);
          valve.setShowServerInfo(false);
          host.getPipeline().addValve(valve);
          if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
      }

      @Override
      public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own error report valve set-up
      }
    };
  }

  static final class ProblemReportValve extends ErrorReportValve {
    private final Problems problems;
    private final LocaleResolver locales;

    ProblemReportValve(Problems problems, LocaleResolver locales) {
      this.problems = problems;
      this.locales = locales;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      String path = path(request);
      if (path != null && !path.startsWith("/api/")) {
        super.report(request, response, throwable);
        return;
      }
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return; // nothing to report, or the application already answered
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      HttpStatus answer = known == null ? HttpStatus.BAD_REQUEST : known;
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(new String(
              problems.json(path, answer, Problems.codeFor(status), locale(request)), StandardCharsets.UTF_8));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The connection is gone or the response cannot take a body: nothing more to say.
      }
    }

    /** The request's path, or null when the request line could not be read that far. */
    private static String path(Request request) {
      try {
        String uri = request.getRequestURI();
        return uri == null || uri.isEmpty() ? null : uri;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }

    private Locale locale(Request request) {
      try {
        return locales.resolveLocale(request);
      } catch (RuntimeException unreadable) {
        return Locale.ENGLISH;
      }
    }
  }
}
