package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Issue 17 (runs) in real Chromium on the demo data: the operator checks today's run, confirms it,
 * watches the progress bar (htmx polling the page's live fragment) reach done and the run appear in
 * the history; a missed-day rule refusal comes back as a notice; Service health shows its numbers.
 * Screenshots in English and French.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorBillingRunsBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Test
  @Order(10)
  void the_operator_starts_todays_run_and_watches_it_finish() throws Exception {
    clock.set(SEEDED.plus(Duration.ofDays(31))); // 10 April: the demo's monthly subscriptions renew
    Browser b = browser().signIn("operator", "en").go("/operator/billing-runs");
    b.size(1280, 1150); // the whole page in each screenshot: schedule, start form, progress and history
    assertThat(b.find("#history").getText()).contains("No billing run has been recorded yet.");
    assertThat(b.find("#run-date").getAttribute("value")).isEqualTo("2026-04-10");
    b.clickAndLeave("#check-run");
    assertThat(b.path()).isEqualTo("/operator/billing-runs/check");
    assertThat(b.find("h1").getText()).isEqualTo("Start the run for Apr 10, 2026?");
    assertThat(b.find("#run-preview").getText()).contains("organisation");
    b.screenshot(SHOTS.resolve("operator-billing-run-confirm-en.png"));
    b.clickAndLeave("#confirm-run");
    assertThat(b.path()).isEqualTo("/operator/billing-runs");
    assertThat(b.find(".notice").getText()).isEqualTo("The billing run has started.");
    waitUntilDone(b);
    b.waitForText("#run-state", "Done");
    assertThat(b.find("#run-progress").getAttribute("value")).isEqualTo("100");
    assertThat(b.all("#runs tbody tr")).hasSize(1);
    assertThat(b.find("#runs tbody tr").getText()).contains("Succeeded").contains("Started by operator");
    assertThat(b.find("#runs tbody tr").getText()).as("the renewals' totals").contains("Charged");
    assertThat(b.seriousAccessibilityViolations()).isEmpty();
    b.screenshot(SHOTS.resolve("operator-billing-runs-en.png"));
  }

  @Test
  @Order(20)
  void a_past_day_that_already_ran_is_refused_with_a_reason_in_french() throws Exception {
    clock.set(SEEDED.plus(Duration.ofDays(32)));
    Browser b = browser().signIn("operator", "fr").go("/operator/billing-runs");
    b.find("#run-date").clear();
    // A date input takes the digits in the browser's locale order; set its value instead.
    b.number("document.querySelector('#run-date').value = '2026-04-10'; return 0;");
    b.clickAndLeave("#check-run");
    assertThat(b.path()).isEqualTo("/operator/billing-runs");
    assertThat(b.find(".notice.error").getText()).contains("n’est pas un jour manqué");
    assertThat(b.find("#runs tbody tr").getText()).contains("Réussi");
    b.screenshot(SHOTS.resolve("operator-billing-runs-fr.png"));
    b.number("document.querySelector('#run-date').value = '2026-04-11'; return 0;");
    b.clickAndLeave("#check-run");
    assertThat(b.find("#confirm-run").getText()).isEqualTo("Lancer le traitement");
    b.screenshot(SHOTS.resolve("operator-billing-run-confirm-fr.png"));
  }

  @Test
  @Order(30)
  void service_health_shows_the_numbers_in_english_and_french() throws Exception {
    Browser b = browser().signIn("operator", "en").go("/operator/health");
    assertThat(b.find("#database-status").getText()).isEqualTo("The database answers.");
    assertThat(b.find("#run-last-success").getText()).isNotEqualTo("Never");
    assertThat(b.seriousAccessibilityViolations()).isEmpty();
    b.screenshot(SHOTS.resolve("operator-health-en.png"));
    b.signIn("operator", "fr").go("/operator/health");
    assertThat(b.find("#database-status").getText()).isEqualTo("La base de données répond.");
    b.screenshot(SHOTS.resolve("operator-health-fr.png"));
  }

  /** htmx swaps the live fragment every second until the run ends: wait for the bar to say so. */
  private static void waitUntilDone(Browser b) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        if ("SUCCEEDED".equals(b.find("#run-progress").getAttribute("data-status"))) {
          return;
        }
      } catch (StaleElementReferenceException swapped) {
        // read mid-swap: look again
      }
      assertThat(System.nanoTime()).as("the run finishes within 30 s").isLessThan(end);
      Thread.sleep(200);
    }
  }
}
