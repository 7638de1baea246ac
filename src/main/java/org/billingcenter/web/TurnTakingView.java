package org.billingcenter.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page view renders in its turn ({@link RenderTurns}) into a buffer, and the buffer goes to
 * the client after the turn is given back: a client that reads slowly never holds a turn. The API,
 * downloads, PDFs and e-mails are not views and take no turn. {@code
 * billing-center.pages.render-turns} (0: one per processor core) and {@code
 * billing-center.pages.render-patience} (10 s) set it; the gauges {@code
 * billing_center.pages.render.turns.waiting} and the counter-like gauge {@code
 * billing_center.pages.render.impatient} show it to an operator.
 */
public class TurnTakingView extends ThymeleafView {

  /** The context's one {@link RenderTurns}; a view is made by the resolver, not by the context. */
  private RenderTurns turns;

  @Override
  public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (turns == null) {
      turns = obtainApplicationContext().getBean(RenderTurns.class);
    }
    Buffered buffered = new Buffered(response);
    try (RenderTurns.Turn turn = turns.take()) {
      super.render(model, request, buffered);
    }
    buffered.body.writeTo(response.getWriter()); // the buffer itself, not a copy
    response.getWriter().flush();
  }

  /** The response as the template engine sees it: its headers are the real ones, its body a buffer. */
  private static final class Buffered extends HttpServletResponseWrapper {
    final CharArrayWriter body = new CharArrayWriter(8192);
    private final PrintWriter writer = new PrintWriter(body);

    Buffered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() {
      return writer;
    }

    @Override
    public void flushBuffer() {
      writer.flush();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Setup {

    @Bean
    static BeanPostProcessor turnTakingViews() {
      return AssetLinks.onEach(ThymeleafViewResolver.class, resolver -> resolver.setViewClass(TurnTakingView.class));
    }

    @Bean
    RenderTurns renderTurns(
        @Value("${billing-center.pages.render-turns:0}") int configured,
        @Value("${billing-center.pages.render-patience:10s}") Duration patience,
        MeterRegistry registry) {
      RenderTurns now = new RenderTurns(RenderTurns.forCores(configured), patience);
      Gauge.builder("billing_center.pages.render.turns.waiting", now, RenderTurns::waiting)
          .description("Page renders waiting for a turn").register(registry);
      Gauge.builder("billing_center.pages.render.turns.in-use", now, RenderTurns::inUse)
          .description("Page renders in progress with a turn").register(registry);
      Gauge.builder("billing_center.pages.render.impatient", now, RenderTurns::impatient)
          .description("Page renders that went ahead without a turn after waiting the patience").register(registry);
      return now;
    }
  }
}
