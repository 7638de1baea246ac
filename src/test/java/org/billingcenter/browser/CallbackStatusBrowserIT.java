package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, item 4 in real Chromium on the demo data: Alder Studio's Harbor Chat has 25 assigned
 * licenses, so its cancel step can only offer a call. The organisation asks for one, the support
 * engineer claims and completes it in the console (a second sign-in in the same browser), and the
 * organisation's pages follow it; then a new request is made and withdrawn from the details page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackStatusBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CallbackService callbacks;

  @Test
  @Order(10)
  void a_call_request_shows_requested_then_an_engineer_on_it_then_done_in_traditional_chinese() throws Exception {
    Subscription harbor = harbor();
    Browser b = browser().signIn("alder-admin", "zh-TW").go(details(harbor) + "/cancel");
    askForACall(b);
    CallbackRequest asked = newest(harbor);
    assertThat(b.find("#callback-reference").getText()).isEqualTo(asked.reference());
    assertThat(b.find("#callback-state").getText()).isEqualTo("已申請");
    assertThat(b.all("form[action$='/callback']")).as("no second request while one is open").isEmpty();
    scrollTo(b, "#callback-status");
    b.screenshot(SHOTS.resolve("callback-status-requested-zh-TW.png"));
    b.go("/billing/products");
    assertThat(b.find("#help-waiting-calls").getText()).isEqualTo("我們將就Harbor Chat回電給您：已申請");

    b.signIn("support", "zh-TW").go("/support");
    b.clickAndLeave("article[data-callback-id='" + asked.id() + "'] form[action$='/claim'] button[type=submit]");
    b.signIn("alder-admin", "zh-TW").go(details(harbor));
    assertThat(b.find("#callback-state").getText()).isEqualTo("工程師正在處理");
    assertThat(b.find("#callback-reference").getText()).isEqualTo(asked.reference());
    scrollTo(b, "#callback-status");
    b.screenshot(SHOTS.resolve("callback-status-claimed-zh-TW.png"));

    b.signIn("support", "zh-TW").go("/support?status=CLAIMED");
    String article = "article[data-callback-id='" + asked.id() + "']";
    b.find(article + " form.complete textarea").sendKeys("已說明如何先移除授權");
    b.clickAndLeave(article + " form.complete button[type=submit]");
    b.signIn("alder-admin", "zh-TW").go(details(harbor));
    assertThat(b.find("#callback-state").getText()).isEqualTo("已完成");
    assertThat(b.all("#withdraw-callback")).isEmpty();
    scrollTo(b, "#callback-status");
    b.screenshot(SHOTS.resolve("callback-status-done-zh-TW.png"));
  }

  @Test
  @Order(20)
  void after_the_call_a_new_request_can_be_made_and_withdrawn_from_the_details_page_in_english() throws Exception {
    Subscription harbor = harbor();
    clock.set(SEEDED.plusSeconds(3600));
    Browser b = browser().signIn("alder-admin", "en").go(details(harbor) + "/cancel");
    assertThat(b.find("#callback-state").getText()).isEqualTo("Done");
    askForACall(b);
    CallbackRequest asked = newest(harbor);
    assertThat(b.find("#callback-state").getText()).isEqualTo("Requested");
    assertThat(b.find("#callback-reference").getText()).isEqualTo(asked.reference());

    b.go(details(harbor));
    assertThat(b.find("#callback-status").getText()).contains("Withdrawing tells support not to call.");
    b.click("#withdraw-callback");
    assertThat(b.path()).isEqualTo(details(harbor));
    assertThat(b.find(".notice").getText()).startsWith("Your request for a call is withdrawn");
    assertThat(b.find("#callback-state").getText()).isEqualTo("Withdrawn");
    assertThat(b.all("#withdraw-callback")).isEmpty();
    scrollTo(b, "#callback-status");
    b.screenshot(SHOTS.resolve("callback-status-withdrawn-en.png"));
    b.go(details(harbor) + "/cancel");
    assertThat(b.all("form[action$='/callback']")).as("a closed request lets the organisation ask again").hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private static void askForACall(Browser b) {
    b.find("#contactName").sendKeys("Aoife Alder");
    b.find("#phone").sendKeys("+353 1 234 5678");
    b.find("#preferredTimeWindow").sendKeys("9:00-12:00");
    b.click("form[action$='/callback'] button[type=submit]");
    assertThat(b.all("#callback-status")).hasSize(1);
  }

  private Subscription harbor() {
    return subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.productName().equals("Harbor Chat"))
        .map(SubscriptionSummary::subscription)
        .findFirst().orElseThrow();
  }

  private CallbackRequest newest(Subscription s) {
    return callbacks.latest(s.tenant(), s.id()).orElseThrow();
  }

  private static String details(Subscription s) {
    return "/billing/subscriptions/" + s.id();
  }

  private static void scrollTo(Browser b, String css) {
    b.number("document.querySelector(\"" + css + "\").scrollIntoView(); return 0;");
  }
}
