package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Users & licenses in real Chromium on the demo data, in simplified Chinese: Birch Logistics (250
 * members) searches "Andersen", selects all 30 and assigns them in one action; then, short of
 * licenses on its Beacon subscription (20 free), the page says how many are missing and links to
 * buying exactly that many.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssignLicensesBrowserIT {

  @TempDir static Path dataDir;
  @LocalServerPort int port;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;

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
  void thirty_members_found_by_a_search_are_assigned_with_select_all_and_a_shortfall_links_to_buying_it()
      throws Exception {
    TenantId birch = tenants.findByName("Birch Logistics").get(0).id();
    Subscription fieldbook = subscriptions.purchase(birch, "fieldbook-monthly", 40,
        tenants.paymentMethods(birch, PageRequest.FIRST).items().get(0).id(), "browser-test");
    browser = Browser.open(port);
    Browser b = browser.signIn("birch-admin", "zh-CN").go("/users?subscription=" + fieldbook.id());
    assertThat(b.find("#assigned-count").getText()).contains("0");

    b.find("#q").sendKeys("Andersen"); // no Enter: htmx searches as the admin types
    b.waitForText("#assign-all", "30");
    assertThat(b.find("#candidates-heading").getText()).contains("30").contains("Andersen");
    assertThat(b.all("#candidates tbody tr")).hasSize(30);
    b.screenshot(Path.of("docs/screenshots/users-search-zh-CN.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();
    b.click("#assign-all");
    assertThat(b.find(".notice").getText()).contains("已分配 30 个许可证");
    assertThat(b.find("#holders-heading").getText()).contains("30");
    assertThat(b.find("#candidates-none")).isNotNull();
    assertThat(b.find("#assigned-count").getText()).contains("30");
    b.screenshot(Path.of("docs/screenshots/users-assigned-zh-CN.png"));

    SubscriptionSummary beacon = subscriptions.list(birch).stream()
        .filter(s -> s.productName().equals("Beacon Workspace")).findFirst().orElseThrow();
    b.go("/users?subscription=" + beacon.subscription().id() + "&q=birch.example"); // the plain GET form's address
    assertThat(b.find("#shortfall").getText()).contains("50");
    b.click("#assign-all");
    assertThat(b.find("#missing").getText()).contains("还缺 50 个许可证");
    assertThat(b.find("#buy-missing").getAttribute("href"))
        .endsWith("/billing/subscriptions/" + beacon.subscription().id() + "/buy-licenses?add=50");
    assertThat(b.find("#assigned-count").getText()).contains("180");
    b.screenshot(Path.of("docs/screenshots/users-missing-zh-CN.png"));
  }
}
