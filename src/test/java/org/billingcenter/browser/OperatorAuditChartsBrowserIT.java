package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.support.CallbackService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 (audit and charts) in real Chromium on the demo data. A week after seeding, with one
 * callback request claimed after 45 minutes and Fieldbook Planner cancelled as too expensive: the
 * operator searches the audit trail across organisations and reads the charts, Alder Studio's Global
 * admin reads their own trail only; each page in English and Simplified Chinese, with screenshots.
 */
class OperatorAuditChartsBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CallbackService callbacks;
  @Autowired CancellationService cancellations;

  private static boolean seeded;

  @BeforeEach
  void aWeekOfWork() {
    if (seeded) {
      return;
    }
    seeded = true;
    TenantId alder = tenants.findByName("Alder Studio").get(0).id();
    Subscription harbor = product(alder, "Harbor Chat");
    var asked = callbacks.request(alder, new CallbackService.NewCallback(harbor.id().value(), "Aoife Alder", "+35312345678",
        "en", "9:00-12:00"), "alder-admin");
    clock.set(clock.instant().plus(Duration.ofMinutes(45)));
    callbacks.claim(alder, asked.id(), "support");
    cancellations.cancel(alder, product(alder, "Fieldbook Planner").id(),
        new Canceller("alder-admin", Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.TOO_EXPENSIVE, null));
    clock.set(clock.instant().plus(Duration.ofDays(7)));
  }

  private Subscription product(TenantId tenant, String name) {
    return subscriptions.list(tenant).stream().filter(s -> s.productName().equals(name))
        .map(SubscriptionSummary::subscription).findFirst().orElseThrow();
  }

  @Test
  void the_operator_searches_the_audit_trail_across_organisations_in_english_and_chinese() throws Exception {
    Browser b = browser().signIn("operator", "en").go("/operator/audit");
    b.size(1280, 1500);
    assertThat(b.all("#audit-events tbody tr")).isNotEmpty();
    b.find("#au-organisation").sendKeys("Alder");
    b.find("#au-action").sendKeys("CALLBACK_CLAIMED");
    b.clickAndLeave("#audit-filter button[type=submit]");
    assertThat(b.all("#audit-events tbody tr")).hasSize(1);
    assertThat(b.find("#audit-events tbody tr").getText()).contains("Alder Studio").contains("Callback request claimed");
    b.go("/operator/audit");
    b.screenshot(SHOTS.resolve("operator-audit-en.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();

    b.signIn("operator", "zh-CN").go("/operator/audit?action=CALLBACK_CLAIMED");
    assertThat(b.find("h1").getText()).isEqualTo("审计搜索");
    assertThat(b.find("#audit-events tbody tr").getText()).contains("回电请求已认领");
    b.go("/operator/audit");
    b.screenshot(SHOTS.resolve("operator-audit-zh-CN.png"));
  }

  @Test
  void a_global_admin_reads_only_their_own_organisations_trail() throws Exception {
    Browser b = browser().signIn("alder-admin", "en").go("/settings/audit");
    b.size(1280, 1500);
    assertThat(b.all("#audit-events tbody tr")).isNotEmpty();
    assertThat(b.text()).doesNotContain("birch-admin").doesNotContain("Birch Logistics");
    assertThat(b.all("#au-organisation")).as("no organisation filter on an organisation's own page").isEmpty();
    b.screenshot(SHOTS.resolve("settings-audit-en.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();
    b.signIn("alder-admin", "zh-CN").go("/settings/audit");
    assertThat(b.find("h1").getText()).isEqualTo("审计日志");
    b.screenshot(SHOTS.resolve("settings-audit-zh-CN.png"));
    assertThat(b.find("#audit-export").getAttribute("href")).endsWith("/settings/audit.csv");
  }

  @Test
  void the_operator_reads_the_charts_drawn_as_svg_with_labels_in_the_pages_language() throws Exception {
    Browser b = browser().signIn("operator", "en").go("/operator/charts");
    b.size(1280, 2600);
    assertThat(b.all("figure.chart svg")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(b.find("#chart-mrr-EUR figcaption").getText()).isEqualTo("Monthly recurring revenue (EUR)");
    assertThat(b.find("#chart-mrr-EUR svg").findElements(By.cssSelector("text.x-label")).get(11).getText()).contains("Mar");
    assertThat(b.find("#chart-mrr-EUR svg path").getAttribute("d")).startsWith("M");
    assertThat(b.find("#chart-cancellations .legend").getText()).contains("Too expensive");
    b.screenshot(SHOTS.resolve("operator-charts-en.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();

    b.signIn("operator", "zh-CN").go("/operator/charts");
    assertThat(b.find("#chart-mrr-EUR figcaption").getText()).isEqualTo("月度经常性收入（EUR）");
    assertThat(b.find("#chart-mrr-EUR svg").findElements(By.cssSelector("text.x-label")).get(11).getText()).contains("3月");
    assertThat(b.find("#chart-callbacks svg").getAttribute("aria-label")).contains("回电请求");
    b.screenshot(SHOTS.resolve("operator-charts-zh-CN.png"));
  }
}
