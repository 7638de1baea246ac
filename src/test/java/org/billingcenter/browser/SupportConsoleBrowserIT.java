package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.support.CallbackOutcome;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.support.SupportConsole;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 in real Chromium on the demo data: five organisations' subscriptions wait in the support
 * queue. The engineer claims Alder's Fieldbook request, notes the call and removes two licenses for
 * them; claims Harbor Chat's and cancels it at the end of its term through the preview and the
 * confirmation; claims Birch's and completes it as retained. The organisations then see the outcomes
 * on their own pages. Screenshots of the queue, a request, the license removal (new total and its
 * preview), the cancellation preview and the organisation pages in English and Bulgarian.
 */
class SupportConsoleBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CallbackService callbacks;
  @Autowired SupportConsole console;

  @Test
  void an_engineer_works_a_queue_of_five_requests_and_the_organisations_see_the_outcomes() throws Exception {
    CallbackRequest beacon = ask("Alder Studio", "Beacon Workspace", "Aoife Alder", "+353 1 234 5678", "en");
    CallbackRequest fieldbook = ask("Alder Studio", "Fieldbook Planner", "Brendan Billing", "+353 1 234 5679", "en");
    CallbackRequest harbor = ask("Alder Studio", "Harbor Chat", "Aoife Alder", "+353 1 234 5670", "en");
    CallbackRequest birch = ask("Birch Logistics", "Beacon Workspace", "Boris Birch", "+359 2 123 4567", "bg");
    CallbackRequest cedar = ask("Cedar Trial", "Beacon Workspace", "Chen Cedar", "+886 2 2345 6789", "zh-TW");
    assertThat(List.of(beacon, fieldbook, harbor, birch, cedar)).extracting(CallbackRequest::status)
        .containsOnly(CallbackStatus.NEW);

    Browser b = browser().signIn("support", "en").go("/support");
    assertThat(b.find("#support-new-count").getText()).isEqualTo("5");
    assertThat(b.all("article.callback")).hasSize(5);
    assertThat(card(b, birch)).contains("Birch Logistics").contains("180 of 200 assigned")
        .contains("Remove 156 licenses first, or ask for a call").contains("Bulgarian");
    b.screenshot(SHOTS.resolve("support-queue-en.png"));

    // 1. Fieldbook: claim, a note while talking, then two licenses fewer (30 → 28) with the preview.
    b.go(request(fieldbook));
    b.clickAndLeave("#claim");
    b.go(request(fieldbook));
    b.find("#note").sendKeys("Two contractors left; they want 28 licenses.");
    b.clickAndLeave("#note-form button[type=submit]");
    assertThat(b.find("#notes table").getText()).contains("Two contractors left");
    b.screenshot(SHOTS.resolve("support-request-en.png"));
    b.clickAndLeave("#remove-licenses");
    assertThat(b.find("h1").getText()).isEqualTo("Remove licenses from Fieldbook Planner for Alder Studio");
    assertThat(b.find("#current").getText()).isEqualTo("24 of 30 assigned");
    assertThat(b.all("#preview")).isEmpty();
    b.find("#quantity").sendKeys("28");
    b.clickAndLeave("#quantity-form button[type=submit]");
    assertThat(b.find("#preview-text").getText()).contains("2 licenses are removed");
    assertThat(b.find("#confirmed").findElement(org.openqa.selenium.By.xpath("..")).getText())
        .isEqualTo("I confirm removing 2 licenses for the organisation.");
    b.size(1280, 1000); // the whole preview, down to the confirmation
    b.screenshot(SHOTS.resolve("support-licenses-en.png"));
    // The same two steps in Bulgarian, while the request is still the engineer's own.
    String removal = request(fieldbook) + "/licenses?quantity=28";
    b.signIn("support", "bg").go(removal);
    assertThat(b.find("h1").getText()).isEqualTo("Премахване на лицензи от Fieldbook Planner за Alder Studio");
    assertThat(b.find("#current").getText()).isEqualTo("24 от 30 разпределени");
    assertThat(b.find("label[for=quantity]").getText()).isEqualTo("Нов общ брой лицензи");
    assertThat(b.find("#preview-text").getText()).contains("2 лиценза се премахват");
    assertThat(b.all("#overrideReason")).as("claimed by this engineer: no override asked").isEmpty();
    b.screenshot(SHOTS.resolve("support-licenses-bg.png"));
    b.size(1280, 800);
    b.signIn("support", "en").go(removal);
    b.find("#note").sendKeys("Removed 2 licenses as asked on the call.");
    b.click("#confirmed");
    b.clickAndLeave("#confirm-removal");
    assertThat(b.find(".notice").getText()).contains("licenses are removed");
    assertThat(b.find("#request-outcome").getText()).isEqualTo("Licenses removed for the organisation");

    // 2. Harbor Chat: claim, then cancel at the end of the term through the preview and the confirmation.
    b.go(request(harbor));
    b.clickAndLeave("#claim");
    b.go(request(harbor));
    b.clickAndLeave("#cancel-for-them");
    assertThat(b.find("#preview-when").getText()).contains("credit");
    b.clickAndLeave("#switch-when");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("END_OF_TERM");
    assertThat(b.find("#losing").getText()).isNotEmpty();
    b.screenshot(SHOTS.resolve("support-cancel-preview-en.png"));
    String cancelPreview = request(harbor) + "/cancel?when=END_OF_TERM";
    b.signIn("support", "bg").go(cancelPreview);
    assertThat(b.find("h1").getText()).isEqualTo("Прекратяване на Harbor Chat за Alder Studio");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("END_OF_TERM");
    assertThat(b.find("#decision h2").getText()).isEqualTo("Какво означава прекратяването");
    assertThat(b.find("#preview-when").getText()).startsWith("Достъпът и таксуването спират на");
    b.screenshot(SHOTS.resolve("support-cancel-preview-bg.png"));
    b.signIn("support", "en").go(cancelPreview);
    assertThat(b.find("#preview-when").getText()).startsWith("Access and billing stop on");
    b.click("input[name=reason][value=TOO_EXPENSIVE]");
    b.find("#note").sendKeys("Moving to another chat tool at the end of the term.");
    b.clickAndLeave("#review");
    b.click("#confirmed");
    b.clickAndLeave("#confirm-cancel");
    assertThat(b.find("#request-outcome").getText()).isEqualTo("Cancelled for the organisation");

    // 3. Birch: claim and complete as retained, with the reason.
    b.go(request(birch));
    b.clickAndLeave("#claim");
    b.go(request(birch));
    new Select(b.find("#reason")).selectByValue("FEWER_LICENSES");
    b.find("#text").sendKeys("Will unassign licenses of people who left instead of cancelling.");
    b.clickAndLeave("#complete-retained");
    assertThat(b.find("#request-outcome").getText()).contains("The organisation stays").contains("Fewer licenses suit them");

    b.go("/support");
    assertThat(b.find("#support-new-count").getText()).isEqualTo("2");
    b.go("/support/" + fieldbook.tenant() + "/" + fieldbook.id() + "/organisation");
    assertThat(b.find("#org-subscriptions").getText()).contains("Fieldbook").contains("24 of 28 assigned");
    b.screenshot(SHOTS.resolve("support-organisation-en.png"));

    // The same pages in Bulgarian.
    b.signIn("support", "bg").go("/support?status=COMPLETED&query=Birch");
    assertThat(b.text()).contains("Birch Logistics");
    b.screenshot(SHOTS.resolve("support-queue-bg.png"));
    b.go(request(birch));
    assertThat(b.find("#request-outcome").getText()).contains("Организацията остава");
    b.screenshot(SHOTS.resolve("support-request-bg.png"));
    b.go("/support/" + fieldbook.tenant() + "/" + fieldbook.id() + "/organisation");
    assertThat(b.find("h1").getText()).isEqualTo("Alder Studio – това, което вижда организацията");
    assertThat(b.find("#org-subscriptions").getText()).contains("Абонаменти").contains("Fieldbook")
        .contains("24 от 28 разпределени").contains("Приключва на");
    b.screenshot(SHOTS.resolve("support-organisation-bg.png"));

    // The organisations see what support did.
    b.signIn("alder-admin", "en").go("/billing/subscriptions/" + harbor.subscription());
    assertThat(b.text()).contains("Ends on");
    b.go("/billing/subscriptions/" + fieldbook.subscription());
    assertThat(b.text()).contains("28");
    assertThat(subscription(fieldbook).quantity()).isEqualTo(28);
    assertThat(subscription(harbor).isEnding()).isTrue();
    assertThat(console.outcome(birch.tenant(), birch.id())).get()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(CallbackOutcome.RETAINED));
  }

  private CallbackRequest ask(String organisation, String product, String name, String phone, String language) {
    TenantId tenant = tenants.findByName(organisation).get(0).id();
    Subscription s = subscriptions.list(tenant).stream().filter(row -> row.productName().equals(product))
        .map(SubscriptionSummary::subscription).findFirst().orElseThrow();
    CallbackRequest asked = callbacks.request(tenant, new NewCallback(s.id(), name, phone, language, "9:00-12:00"), "test");
    clock.advance(java.time.Duration.ofMinutes(7));
    return asked;
  }

  private Subscription subscription(CallbackRequest r) {
    return subscriptions.get(r.tenant(), r.subscription()).subscription();
  }

  private static String request(CallbackRequest r) {
    return "/support/" + r.tenant() + "/" + r.id();
  }

  private static String card(Browser b, CallbackRequest r) {
    return b.find("article[data-callback-id='" + r.id() + "']").getText();
  }
}
