package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.Proration;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12's journeys in real Chromium against the real server and the demo data, with time travel:
 * the demo data is seeded on 10 March 2026, then the clock moves forward and the billing runs of the
 * dates the pages announce are run, so what a preview promised is checked on the invoice it named.
 *
 * <p>The clock only moves forward, one Alder Studio billing period per journey (Alder's three monthly
 * subscriptions renew on the 10th): each journey starts in a period of its own and ends with the run
 * of the invoice it looks at. Birch Logistics (annual) serves the assignment journeys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensesAndPlansBrowserIT {

  /** 09:00 UTC: the same day in Dublin, Sofia and Taipei, so every organisation is seeded on 10 March. */
  static final Instant SEEDED = Instant.parse("2026-03-10T09:00:00Z");
  static final Path SHOTS = Path.of("docs/screenshots");
  /** An English page of an Irish organisation formats as en-IE ("10 Apr 2026"). */
  static final Locale EN_IE = Locale.forLanguageTag("en-IE");

  @TempDir static Path dataDir;
  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CatalogService catalog;
  @Autowired LocalFormats formats;

  static Browser browser;

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("billing").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    registry.add("db-scheduler.enabled", () -> "false");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TimeTravel {
    @Bean
    @Primary
    MutableClock journeyClock() {
      return new MutableClock(SEEDED);
    }
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  private Browser browser() {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser;
  }

  // ---------------------------------------------------------------- journeys

  /** Issue 12, item 7: an upgrade mid-period credits the old plan and charges the new one on the next invoice. */
  @Test
  @Order(40)
  void an_upgrade_mid_period_puts_both_prorated_lines_on_the_next_invoice_in_traditional_chinese() throws Exception {
    Subscription beacon = alder("Beacon Workspace");
    travelTo(beacon.currentPeriod().start().plusDays(10)); // mid-period, whatever period the clock reached
    beacon = alder("Beacon Workspace");
    LocalDate today = today(beacon.tenant());
    LocalDate invoiceOn = beacon.currentPeriod().endExclusive(); // Alder's next invoice: all three renew together
    Money credit = Proration.forRemainingDays(catalog.plan("beacon-monthly").unitPrice(), 5, beacon.currentPeriod(), today);
    Money charge =
        Proration.forRemainingDays(catalog.plan("beacon-premium-monthly").unitPrice(), 5, beacon.currentPeriod(), today);
    Locale zhTw = Locale.forLanguageTag("zh-TW");

    Browser b = browser().signIn("alder-admin", "zh-TW").go(details(beacon));
    b.click("#change-plan");
    assertThat(b.find("#current-plan").getText()).contains("Beacon Workspace");
    b.click("input[name=planId][value=beacon-premium-monthly]");
    b.click("#preview");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("NOW");
    assertThat(same(b.find("#credit").getText())).isEqualTo(same(formats.money(credit.negate(), zhTw)));
    assertThat(same(b.find("#charge").getText())).isEqualTo(same(formats.money(charge, zhTw)));
    assertThat(same(b.find("#prorated-lines").getText())).contains(same(formats.date(invoiceOn, zhTw)));
    assertThat(b.find("#members").getText()).contains("3");
    String shownCredit = b.find("#credit").getText();
    String shownCharge = b.find("#charge").getText();
    b.screenshot(SHOTS.resolve("plan-upgrade-preview-zh-TW.png"));
    b.click("#continue");
    b.click("#confirm-change");
    assertThat(b.find("#done").getText()).startsWith("您的訂閱現已使用 Beacon Workspace Premium");
    assertThat(b.find("#current-plan").getText()).contains("Beacon Workspace Premium");

    billingRuns.run(invoiceOn);
    b.go("/billing/invoices");
    List<String> lines = lineTexts(invoiceOn, "ADJUSTMENT");
    assertThat(lines).anySatisfy(line -> assertThat(same(line))
        .startsWith(same("本期剩餘時間的按比例收費（現為 5 × " + formats.money(catalog.plan("beacon-premium-monthly").unitPrice(), zhTw) + "）"))
        .endsWith(same(shownCharge)));
    assertThat(lineTexts(invoiceOn, "CREDIT")).anySatisfy(line -> assertThat(same(line))
        .startsWith(same("本期剩餘時間的按比例退款"))
        .endsWith(same(shownCredit)));
    scrollTo(b, invoiceOn);
    b.screenshot(SHOTS.resolve("plan-upgrade-invoice-zh-TW.png"));
  }

  /** Issue 12, items 7 and 9: a move to annual billing waits for the renewal, shows as scheduled and can be withdrawn. */
  @Test
  @Order(30)
  void a_frequency_change_is_scheduled_for_the_renewal_and_withdrawn_on_the_details_page() throws Exception {
    Subscription harbor = alder("Harbor Chat");
    Browser b = browser().signIn("alder-admin", "en").go(details(harbor));
    b.click("#change-frequency");
    assertThat(b.find("#from-to").getText()).isEqualTo("Monthly billing becomes annual billing at the renewal.");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("AT_RENEWAL");
    assertThat(b.all("#prorated-lines")).isEmpty();
    b.click("#continue");
    b.click("#confirm-change");
    assertThat(b.find("#done").getText()).startsWith("Your subscription moves to Harbor Chat at its renewal on");

    b.go(details(harbor));
    WebElement scheduled = b.find("#scheduled-changes li[data-kind=PLAN]");
    assertThat(same(scheduled.getText()))
        .contains(same("From " + formats.date(harbor.currentPeriod().endExclusive(), EN_IE)))
        .contains("Harbor Chat · Annual");
    b.screenshot(SHOTS.resolve("plan-frequency-scheduled-en.png"));
    b.click("#scheduled-changes li[data-kind=PLAN] button.withdraw");
    assertThat(b.find(".notice").getText()).isEqualTo("The scheduled change was withdrawn: nothing changes at the renewal.");
    assertThat(b.all("#scheduled-changes")).isEmpty();
    assertThat(subscriptions.pendingChanges(harbor.tenant(), harbor.id())).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private TenantId alderId() {
    return tenants.findByName("Alder Studio").get(0).id();
  }

  private Subscription alder(String product) {
    return subscription(alderId(), product);
  }

  private Subscription subscription(TenantId tenant, String product) {
    return subscriptions.list(tenant).stream()
        .filter(s -> s.productName().equals(product))
        .map(SubscriptionSummary::subscription)
        .findFirst().orElseThrow(() -> new AssertionError("no " + product));
  }

  private LocalDate today(TenantId tenant) {
    return tenants.today(tenant);
  }

  private static String details(Subscription s) {
    return "/billing/subscriptions/" + s.id();
  }

  /** Moves the clock forward (never back) to 09:00 UTC of {@code day}. */
  private void travelTo(LocalDate day) {
    Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
    clock.set(target);
  }

  /** The texts of the lines of one kind on the invoice of {@code date}, as the invoices page shows them. */
  private List<String> lineTexts(LocalDate date, String kind) {
    return browser().all("article.invoice[data-invoice-date='" + date + "'] tr[data-kind=" + kind + "]").stream()
        .map(WebElement::getText).toList();
  }

  private static void scrollTo(Browser b, LocalDate invoice) {
    b.number("document.querySelector(\"article.invoice[data-invoice-date='" + invoice
        + "']\").scrollIntoView(); return 0;");
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }

  static {
    System.setProperty("SE_AVOID_STATS", "true");
  }
}
