package org.billingcenter.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser journeys that travel in time: the real server on a random port over the demo
 * data, seeded into an H2 file of the class's own at {@link #SEEDED} (a class may name another
 * instant in {@code billing.test.journey.seeded-at}); the context's one clock is a {@link
 * MutableClock} the journeys move, the scheduler is off (a journey runs the jobs of the dates it
 * reaches), and one Chromium serves the class. Each class gets a context of its own, closed after
 * it: its journeys change the demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DemoJourney.TimeTravel.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class DemoJourney {

  /** 09:00 UTC: the same day in Dublin, Sofia and Taipei, so every organisation is seeded on 10 March. */
  public static final Instant SEEDED = Instant.parse("2026-03-10T09:00:00Z");

  @TempDir static Path dataDir;
  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;

  private static Browser browser;

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("billing").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    registry.add("db-scheduler.enabled", () -> "false");
    // The journeys look at a run's collections right after it: sent on the committing thread.
    registry.add("billing-center.payments.sends", () -> "inline");
    registry.add(TestPasswords.PROPERTY, () -> TestPasswords.ITERATIONS);
  }

  /** The one clock of the context: the demo data is seeded at its start, the journeys move it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class TimeTravel {
    @Bean
    @Primary
    MutableClock journeyClock(@Value("${billing.test.journey.seeded-at:2026-03-10T09:00:00Z}") String seededAt) {
      return new MutableClock(Instant.parse(seededAt));
    }
  }

  /** The class's Chromium, opened on first use. */
  protected Browser browser() {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser;
  }

  /** Opens the row's ⋯ menu on Billing › Your products and follows one of its actions. */
  protected static void fromProductMenu(Browser b, String product, String action) {
    b.go("/billing/products");
    for (WebElement tr : b.all("#products tbody tr")) {
      if (tr.findElement(By.cssSelector("td")).getText().equals(product)) {
        tr.findElement(By.cssSelector("details.menu summary")).click();
        tr.findElement(By.linkText(action)).click();
        return;
      }
    }
    throw new AssertionError("no row for " + product + " on " + b.path());
  }

  /** The invoice of that date on Invoices & credits. */
  protected static String invoice(LocalDate date) {
    return "article.invoice[data-invoice-date='" + date + "']";
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
