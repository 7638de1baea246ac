package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.billingcenter.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18: payment methods in real Chromium on the demo data. Alder Studio's admin adds a card
 * (with the sandbox's tokens shown beside the form), makes it the default, replaces the old card
 * for all three subscriptions after the preview, and removes the old card; then the list in Danish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentMethodsBrowserIT {

  @TempDir static Path dataDir;
  @LocalServerPort int port;

  static Browser browser;

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("billing").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    registry.add("db-scheduler.enabled", () -> "false");
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void an_admin_adds_a_card_makes_it_the_default_replaces_the_old_one_for_all_subscriptions_and_removes_it()
      throws Exception {
    browser = Browser.open(port);
    Browser b = browser.signIn("alder-admin", "en").go("/billing/payment-methods");
    assertThat(b.all("#methods tbody tr")).hasSize(1);
    String old = b.find("#methods tbody tr").getAttribute("data-method-id");
    assertThat(b.find("#methods tbody tr .default-badge").getText()).isEqualTo("Default");
    assertThat(b.find("#methods tbody tr .used").getText()).isEqualTo("3 subscriptions");

    b.clickAndLeave("#add-method");
    assertThat(b.find("#sandbox-hint").getText()).contains("tok_chargeDeclined").contains("tok_timeout");
    b.find("#token").sendKeys("tok_visa");
    b.find("#brand").sendKeys("Mastercard");
    b.find("#last4").sendKeys("5454");
    b.find("#expiryMonth").sendKeys("8");
    b.find("#expiryYear").sendKeys("2030");
    b.find("#holderName").sendKeys("Aoife Alder");
    b.clickAndLeave("#save-method");
    assertThat(b.find("#methods-notice").getText()).isEqualTo("Mastercard •••• 5454 was added.");
    WebElement added = b.all("#methods tbody tr").stream().filter(r -> r.getText().contains("5454")).findFirst().orElseThrow();
    String fresh = added.getAttribute("data-method-id");
    assertThat(added.findElements(By.cssSelector(".default-badge"))).as("the old card stays the default").isEmpty();

    b.clickAndLeave("tr[data-method-id='" + fresh + "'] .make-default button");
    assertThat(b.find("#methods-notice").getText()).isEqualTo("Mastercard •••• 5454 is now your default payment method.");
    assertThat(b.find("#methods tbody tr").getAttribute("data-method-id")).as("the default first").isEqualTo(fresh);

    b.clickAndLeave("tr[data-method-id='" + old + "'] a.replace");
    b.click("#replace-check"); // htmx swaps the preview in
    b.waitForText("#replace-summary", "3 subscriptions will be paid with Mastercard •••• 5454.");
    b.clickAndLeave("#confirm-replace");
    assertThat(b.find("#methods-notice").getText()).isEqualTo("3 subscriptions now pay with Mastercard •••• 5454.");

    b.clickAndLeave("tr[data-method-id='" + old + "'] a.remove");
    b.clickAndLeave("#confirm-remove");
    assertThat(b.find("#methods-notice").getText()).isEqualTo("Visa •••• 4242 was removed.");
    assertThat(b.all("#methods tbody tr")).hasSize(1);
    assertThat(b.find("#methods tbody tr").getText()).contains("Mastercard •••• 5454").contains("08/2030")
        .contains("Aoife Alder").contains("3 subscriptions").contains("Default");
    b.screenshot(Path.of("docs/screenshots/payment-methods-en.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();

    b.signIn("alder-admin", "da").go("/billing/payment-methods");
    assertThat(b.find("h1").getText()).isEqualTo("Betalingsmetoder");
    assertThat(b.find("#methods tbody tr").getText()).contains("3 abonnementer").contains("Standard");
    b.screenshot(Path.of("docs/screenshots/payment-methods-da.png"));
  }
}
