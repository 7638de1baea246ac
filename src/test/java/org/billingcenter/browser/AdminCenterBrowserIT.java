package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.Browser;
import org.billingcenter.tenant.TenantService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin center's journeys in real Chromium against the real server with the demo data, in
 * English and in a CJK locale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCenterBrowserIT {

  @TempDir static Path dataDir;
  @LocalServerPort int port;
  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;

  static Browser browser;

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("billing").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    registry.add("db-scheduler.enabled", () -> "false");
  }

  @BeforeAll
  static void quiet() {
    System.setProperty("SE_AVOID_STATS", "true");
  }

  private Browser browser() {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser;
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** Opens the row's ⋯ menu on Billing › Your products and follows one of its actions. */
  private void fromProductMenu(String product, String action) {
    Browser b = browser();
    b.go("/billing/products");
    for (var tr : b.all("#products tbody tr")) {
      if (tr.getText().startsWith(product)) {
        tr.findElement(org.openqa.selenium.By.cssSelector("details.menu summary")).click();
        tr.findElement(org.openqa.selenium.By.linkText(action)).click();
        return;
      }
    }
    throw new AssertionError("no row for " + product + " on " + b.path());
  }

  @Test
  @Order(1)
  void a_reader_sees_every_page_and_no_button_that_changes_anything() {
    readerSeesNoChanges("en");
  }

  @Test
  @Order(1)
  void a_reader_sees_the_same_in_traditional_chinese() {
    readerSeesNoChanges("zh-TW");
    assertThat(browser().text()).contains("設定與動作");
  }

  private void readerSeesNoChanges(String locale) {
    Browser b = browser().signIn("alder-reader", locale);
    for (String page : List.of("/billing/products", "/users", "/billing/invoices", "/")) {
      b.go(page);
      assertThat(b.path()).isEqualTo(page);
      assertThat(b.all("form[method=post]:not([action='/logout']) button, input[type=checkbox]")).as(page).isEmpty();
      assertThat(b.all("button.danger, a.button.danger, #remove-selected")).as(page).isEmpty();
    }
    b.go("/billing/products");
    b.click("#products tbody tr:first-child td a");
    assertThat(b.all("#settings-actions a[href$='/cancel'], #settings-actions form, #settings-actions a.button")).isEmpty();
  }

  @Test
  @Order(2)
  void a_trial_has_nothing_to_cancel_and_a_payment_method_makes_it_convert() {
    Browser b = browser().signIn("cedar-admin", "en");
    b.go("/billing/products");
    String trialWithoutCard = b.all("#products tbody tr").stream()
        .filter(tr -> tr.getText().startsWith("Beacon Workspace")).findFirst().orElseThrow()
        .getAttribute("data-subscription-id");
    b.go("/billing/subscriptions/" + trialWithoutCard + "/cancel");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("NOTHING_TO_CANCEL_TRIAL");
    assertThat(b.find("#decision").getText()).contains("nothing to cancel");
    b.click("#decision a.button");
    b.find("#token").sendKeys("tok_cedar_new");
    b.find("#brand").sendKeys("Visa");
    b.find("#last4").sendKeys("1881");
    b.find("#expiryMonth").sendKeys("11");
    b.find("#expiryYear").sendKeys("2031");
    b.click("#add-card button[type=submit]");
    assertThat(b.find("#trial-outcome").getText()).startsWith("On ").contains("this trial converts to a paid subscription");
  }

  @Test
  @Order(3)
  void a_three_license_subscription_is_cancelled_and_its_credit_lands_on_the_next_invoice() {
    Browser b = browser().signIn("alder-admin", "en");
    fromProductMenu("Beacon Workspace", "Cancel subscription");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("ALLOWED");
    assertThat(b.find("#decision").getText()).contains("3 users lose access");
    b.click("input[name=reason][value=TOO_EXPENSIVE]");
    b.click("#decision form button[type=submit]");
    assertThat(b.find(".warning").getText()).contains("cannot be undone");
    b.click("#confirm-cancel");
    assertThat(b.find("#done").getText()).contains("Beacon Workspace is cancelled");
    b.go("/billing/invoices");
    assertThat(b.find("#credits").getText()).contains("Pending");

    LocalDate nextRun = subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.subscription().status().isLive())
        .map(s -> s.subscription().currentPeriod().endExclusive()).min(LocalDate::compareTo).orElseThrow();
    billingRuns.run(nextRun);
    b.go("/billing/invoices");
    assertThat(b.find("#credits").getText()).contains("Applied to an invoice");
    assertThat(b.all("tr[data-kind=CREDIT]")).hasSize(1);
  }

  @Test
  @Order(4)
  void the_25_license_subscription_is_refused_then_one_license_removed_then_cancelled_in_chinese() {
    Browser b = browser().signIn("alder-admin", "zh-CN");
    fromProductMenu("Harbor Chat", "取消订阅");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("TOO_MANY_LICENSES");
    assertThat(b.find("#decision").getText()).contains("移除 1 个许可证");
    b.click("#remove-licenses");
    assertThat(b.find("#assigned-count").getText()).contains("25");
    b.click("#users tbody tr:first-child input[type=checkbox]");
    b.click("#remove-selected");
    assertThat(b.find(".notice").getText()).contains("已移除 1 个许可证");
    fromProductMenu("Harbor Chat", "取消订阅");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("ALLOWED");
    b.click("input[name=reason][value=SWITCHED_SERVICE]"); // nothing is pre-selected (11.18)
    b.click("#decision form button[type=submit]");
    b.click("#confirm-cancel");
    assertThat(b.find("#done").getText()).contains("Harbor Chat 已取消");
  }

  @Test
  @Order(5)
  void a_callback_request_is_made_then_claimed_and_completed_in_the_support_console() {
    Browser b = browser().signIn("birch-admin", "en");
    fromProductMenu("Beacon Workspace", "Cancel subscription");
    assertThat(b.find("#decision").getText()).contains("Remove 156 licenses");
    b.find("#contactName").sendKeys("Boris Birch");
    b.find("#phone").sendKeys("+359 2 123 4567");
    b.find("#preferredTimeWindow").sendKeys("mornings");
    b.click("#decision form.stack button[type=submit]");
    assertThat(b.find(".notice").getText()).contains("we will call you back");

    b.signIn("support", "en").go("/support");
    assertThat(b.text()).contains("Boris Birch, +35921234567");
    b.click("article.callback form button");
    assertThat(b.path()).isEqualTo("/support");
    b.find("article.callback textarea[name=notes]").sendKeys("Explained the options; customer will remove licenses.");
    b.clickAndLeave("article.callback form.complete button");
    b.go("/support?status=COMPLETED");
    assertThat(b.text()).contains("Boris Birch").contains("customer will remove licenses");
  }

  @Test
  @Order(0)
  void every_page_in_every_locale_is_captured_and_has_no_serious_accessibility_violation() throws Exception {
    Browser b = browser();
    Path shots = Path.of("docs/screenshots");
    String birchSub = subscriptions.list(tenants.findByName("Birch Logistics").get(0).id()).get(0).subscription().id().toString();
    String alder24 = subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.assignedLicenses() == 24).findFirst().orElseThrow().subscription().id().toString();
    for (String locale : List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW")) {
      b.signIn("birch-admin", locale).go("/billing/subscriptions/" + birchSub + "/cancel");
      capture(b, shots, "cancel-too-many", locale);
      b.signIn("alder-admin", locale);
      capture(b.go("/"), shots, "home", locale);
      capture(b.go("/billing/products"), shots, "products", locale);
      capture(b.go("/billing/subscriptions/" + alder24), shots, "details", locale);
      capture(b.go("/billing/subscriptions/" + alder24 + "/cancel"), shots, "cancel-preview", locale);
      capture(b.go("/users"), shots, "users", locale);
      capture(b.go("/billing/invoices"), shots, "invoices", locale);
      b.signIn("support", locale);
      capture(b.go("/support"), shots, "support", locale);
      b.go("/logout");
      b.go("/login?lang=" + locale);
      capture(b, shots, "login", locale);
    }
    b.size(390, 844);
    b.signIn("alder-admin", "en").go("/billing/products");
    b.screenshot(shots.resolve("products-en-mobile.png"));
    b.size(1280, 800);
  }

  /** 11.18: a phone (390 × 844) scrolls no page sideways; every page is captured at that size. */
  @Test
  @Order(0)
  void every_page_fits_a_phone_without_sideways_scrolling() throws Exception {
    Browser b = browser();
    Path shots = Path.of("docs/screenshots");
    String birchSub = subscriptions.list(tenants.findByName("Birch Logistics").get(0).id()).get(0).subscription().id().toString();
    String alder24 = subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.assignedLicenses() == 24).findFirst().orElseThrow().subscription().id().toString();
    b.size(390, 844);
    try {
      java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
      pages.put("home", "/");
      pages.put("products", "/billing/products");
      pages.put("details", "/billing/subscriptions/" + alder24);
      pages.put("cancel-preview", "/billing/subscriptions/" + alder24 + "/cancel");
      pages.put("users", "/users");
      pages.put("invoices", "/billing/invoices");
      pages.put("account", "/account");
      pages.put("not-found", "/no-such-page");
      List<String> overflowing = new java.util.ArrayList<>();
      for (String locale : List.of("en", "bg-BG")) {
        b.signIn("alder-admin", locale);
        for (var page : pages.entrySet()) {
          fitsOrNote(b.go(page.getValue()), page.getKey() + "-" + locale, overflowing, shots);
        }
        b.go("/billing/subscriptions/" + alder24 + "/cancel");
        b.click("input[name=reason][value=UNUSED]");
        b.click("#decision form button[type=submit]");
        fitsOrNote(b, "cancel-confirm-" + locale, overflowing, shots);
        b.signIn("birch-admin", locale);
        fitsOrNote(b.go("/billing/subscriptions/" + birchSub + "/cancel"), "cancel-too-many-" + locale, overflowing, shots);
        b.signIn("support", locale);
        fitsOrNote(b.go("/support"), "support-" + locale, overflowing, shots);
        b.go("/logout");
        fitsOrNote(b.go("/login?lang=" + locale), "login-" + locale, overflowing, shots);
      }
      assertThat(overflowing).as("pages wider than the phone").isEmpty();
    } finally {
      b.size(1280, 800);
    }
  }

  private static void fitsOrNote(Browser b, String name, List<String> overflowing, Path shots) throws Exception {
    b.screenshot(shots.resolve(name + "-mobile.png"));
    long scrollWidth = b.number("return document.documentElement.scrollWidth");
    long innerWidth = b.number("return window.innerWidth");
    if (scrollWidth > innerWidth) {
      overflowing.add(name + " " + scrollWidth + " > " + innerWidth);
    }
  }

  /** 11.18: a reason's radio button sits right beside its label, and nothing is chosen for you. */
  @Test
  @Order(0)
  void the_survey_radios_sit_beside_their_labels_and_none_is_pre_selected() {
    Browser b = browser().signIn("alder-admin", "en");
    String alder24 = subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.assignedLicenses() == 24).findFirst().orElseThrow().subscription().id().toString();
    b.go("/billing/subscriptions/" + alder24 + "/cancel");
    assertThat(b.all("input[name=reason]:checked")).isEmpty();
    for (var label : b.all("label.choice")) {
      var radio = label.findElement(org.openqa.selenium.By.cssSelector("input[type=radio]")).getRect();
      var text = label.findElement(org.openqa.selenium.By.cssSelector("span")).getRect();
      assertThat(text.getX() - (radio.getX() + radio.getWidth())).as(label.getText()).isBetween(0, 16);
      assertThat(Math.abs((text.getY() + text.getHeight() / 2) - (radio.getY() + radio.getHeight() / 2))).as(label.getText()).isLessThan(8);
    }
  }

  private static void capture(Browser b, Path shots, String page, String locale) throws Exception {
    assertThat(b.find("body").getCssValue("background-color")).as("app.css applied on " + page)
        .isEqualTo("rgba(246, 247, 249, 1)");
    b.screenshot(shots.resolve(page + "-" + locale + ".png"));
    if (locale.equals("en") || locale.equals("zh-CN")) {
      assertThat(b.seriousAccessibilityViolations()).as(page + " " + locale).isEmpty();
    }
  }
}
