package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's trial journeys in real Chromium on the demo data, with time travel: Cedar Trial
 * (Taipei) has three trials seeded on 10 March 2026 that end on 9 April. On 25 March, 15 days before
 * the end, Beacon Workspace (no card) is extended once and refused the second time, Beacon Workspace
 * Premium (card) is bought now with 3 licenses, and Harbor Chat (card) has its conversion turned
 * off; the lifecycle and billing run of 9 April then leave Harbor EXPIRED with nothing invoiced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrialsBrowserIT extends DemoJourney {

  static final LocalDate WINDOW_OPENS = LocalDate.of(2026, 3, 25);
  static final LocalDate TRIAL_END = LocalDate.of(2026, 4, 9);
  static final Path SHOTS = Path.of("docs/screenshots");
  static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CatalogService catalog;
  @Autowired LocalFormats formats;

  @Test
  @Order(10)
  void a_trial_is_extended_once_inside_its_last_15_days_and_refused_the_second_time_in_traditional_chinese()
      throws Exception {
    Subscription beacon = cedar("Beacon Workspace");
    Browser b = browser().signIn("cedar-admin", "zh-TW").go(details(beacon));
    assertThat(b.find("#trial-heading").getText()).isEqualTo("試用");
    assertThat(b.all("#extend-trial")).isEmpty(); // 30 days before the end: too early
    assertThat(b.find("#extension-not-allowed").getText()).contains(formats.date(WINDOW_OPENS, ZH_TW));

    travelTo(WINDOW_OPENS);
    b.go(details(beacon));
    b.click("#extension-confirmed");
    b.click("#extend-trial");
    LocalDate newEnd = TRIAL_END.plusDays(30);
    assertThat(b.find("#trial-outcome").getText()).contains(formats.date(newEnd, ZH_TW)).contains("此試用將於");
    assertThat(b.all("#extend-trial")).isEmpty();
    assertThat(b.find("#extension-not-allowed").getText()).isEqualTo("此試用已延長過一次，無法再次延長。");
    b.screenshot(SHOTS.resolve("trial-extended-zh-TW.png"));

    HttpResponse<String> again = api("POST", "/api/v1/subscriptions/" + beacon.id() + "/trial-extension");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"code\":\"TRIAL_EXTENSION_NOT_ALLOWED\"");
    assertThat(cedar("Beacon Workspace").trialEnd()).isEqualTo(newEnd);
  }

  @Test
  @Order(20)
  void buy_now_with_three_licenses_puts_three_licenses_on_the_first_invoice_in_traditional_chinese() throws Exception {
    Subscription premium = cedar("Beacon Workspace Premium");
    Money unitPrice = catalog.plan(premium.planId()).unitPrice();
    Browser b = browser().signIn("cedar-admin", "zh-TW").go(details(premium));
    b.click("#buy-now");
    WebElement quantity = b.find("#quantity");
    quantity.clear();
    quantity.sendKeys("3");
    b.click("#show-price");
    assertThat(b.find("#buy-quantity").getText()).isEqualTo("3");
    assertThat(same(b.find("#first-charge").getText())).isEqualTo(same(formats.money(unitPrice.times(3), ZH_TW)));
    assertThat(same(b.find("#invoice-date").getText())).isEqualTo(same(formats.date(WINDOW_OPENS, ZH_TW)));
    b.screenshot(SHOTS.resolve("trial-buy-now-preview-zh-TW.png"));
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-buy");
    assertThat(same(b.find("#done").getText())).contains(same(formats.money(unitPrice.times(3), ZH_TW)));
    Subscription bought = cedar("Beacon Workspace Premium");
    assertThat(bought.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(bought.quantity()).isEqualTo(3);

    b.click("#invoices");
    String invoice = "article.invoice[data-invoice-date='" + WINDOW_OPENS + "']";
    assertThat(b.all(invoice + " tr[data-kind=CHARGE]")).singleElement()
        .satisfies(line -> assertThat(same(line.getText())).contains("3 × " + same(formats.money(unitPrice, ZH_TW))));
    b.screenshot(SHOTS.resolve("trial-buy-now-invoice-zh-TW.png"));
  }

  @Test
  @Order(30)
  void a_trial_with_a_card_and_conversion_turned_off_expires_at_its_end_with_no_invoice_in_english() throws Exception {
    Subscription harbor = cedar("Harbor Chat");
    assertThat(harbor.hasPaymentMethod()).isTrue();
    Browser b = browser().signIn("cedar-admin", "en").go(details(harbor));
    assertThat(b.find("#trial-heading").getText()).isEqualTo("Trial");
    assertThat(b.find("#trial-outcome").getAttribute("data-will-convert")).isEqualTo("true");
    assertThat(b.find("#trial-outcome").getText()).startsWith("On ").contains("2 licenses");
    b.click("#conversion-switch");
    b.waitForText("#trial-why", "Conversion to a paid subscription is turned off."); // the panel after the swap
    assertThat(b.find("#trial-outcome").getAttribute("data-will-convert")).isEqualTo("false");
    assertThat(b.find("#trial-outcome").getText()).endsWith("this trial ends; nothing will be charged.");
    assertThat(b.find("#trial-why").getText()).isEqualTo("Conversion to a paid subscription is turned off.");
    b.screenshot(SHOTS.resolve("trial-conversion-off-en.png"));

    travelTo(TRIAL_END);
    lifecycle.run(TRIAL_END);
    billingRuns.run(TRIAL_END);
    assertThat(cedar("Harbor Chat").status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(cedar("Beacon Workspace").status()).isEqualTo(SubscriptionStatus.TRIAL); // extended to 9 May
    b.go("/billing/invoices");
    assertThat(b.all("article.invoice[data-invoice-date='" + TRIAL_END + "']")).isEmpty();
    assertThat(b.all("article.invoice")).hasSize(1); // Buy now's, nothing for Harbor
    b.go(details(harbor));
    assertThat(b.find("#facts").getText()).contains("Expired");
    b.screenshot(SHOTS.resolve("trial-expired-en.png"));
  }

  private Subscription cedar(String product) {
    TenantId cedar = tenants.findByName("Cedar Trial").get(0).id();
    return subscriptions.list(cedar).stream().filter(s -> s.productName().equals(product))
        .map(SubscriptionSummary::subscription).findFirst().orElseThrow();
  }

  private static String details(Subscription s) {
    return "/billing/subscriptions/" + s.id();
  }

  private void travelTo(LocalDate day) {
    Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
    clock.set(target);
  }

  private HttpResponse<String> api(String method, String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString("cedar-admin:demo".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).header("Idempotency-Key", "trials-browser-" + path.hashCode())
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
