package org.billingcenter.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo data on first start, in one transaction (all or nothing). {@code
 * billing-center.demo.seed}: {@code auto} seeds only an embedded H2 database, {@code always} any
 * database, {@code never} none.
 */
@Component
class DemoSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoData demo;
  private final TransactionTemplate transaction;
  private final String mode;
  private final String url;
  private final Environment environment;

  DemoSeeder(
      DemoData demo,
      TransactionTemplate transaction,
      @Value("${billing-center.demo.seed:auto}") String mode,
      @Value("${spring.datasource.url:}") String url,
      Environment environment) {
    this.demo = demo;
    this.transaction = transaction;
    this.mode = mode;
    this.url = url;
    this.environment = environment;
  }

  boolean wanted() {
    return switch (mode) {
      case "always" -> true;
      case "never" -> false;
      default -> url.startsWith("jdbc:h2:");
    };
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!wanted() || demo.present()) {
      return;
    }
    long started = System.nanoTime();
    transaction.executeWithoutResult(status -> demo.seed());
    log.info("Demo data seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  @EventListener(ApplicationReadyEvent.class)
  void banner() {
    if (!wanted()) {
      return;
    }
    String port = environment.getProperty("local.server.port", "8080");
    log.info(
        "\n\n  Billing Center is ready: http://localhost:{}/\n  Demo accounts (password \"{}\"):\n    {}\n",
        port,
        DemoData.PASSWORD,
        String.join("\n    ", DemoData.ACCOUNTS));
  }
}
