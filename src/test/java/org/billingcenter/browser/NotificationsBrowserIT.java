package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.notification.MailKind;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.billingcenter.testing.Outboxes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 in real Chromium on the demo data. Alder Studio's Global admin, working in Simplified
 * Chinese, adds a webhook endpoint (a receiver on loopback, hence private targets allowed), copies
 * the secret shown once, cancels Beacon Workspace through the cancellation flow and sees the one
 * signed delivery as delivered. Its Billing admin, in French, adds an additional recipient and turns
 * off the invoice mail; after Fieldbook Planner is cancelled, the operator finds both cancellation
 * mails on Sent e-mails, each in its recipient's language. The dispatcher's thread is off: the
 * journeys drain the outbox themselves, so "exactly one request" is not a matter of timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
    "billing-center.webhooks.allow-private-targets=true",
    "billing-center.outbox.enabled=false",
    "billing-center.mail.embedded-port=0"})
class NotificationsBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");
  static final String AOIFE = "aoife@alder-studio.example";
  static final String EXTRA = "compta@alder-studio.example";
  static final Canceller ALDER_ADMIN = new Canceller("alder-admin", Set.of(Role.GLOBAL_ADMIN), null);

  /** What the loopback receiver got: headers as sent (any case) and the raw body. */
  record Received(Map<String, List<String>> headers, String body) {}

  static final List<Received> received = new CopyOnWriteArrayList<>();
  static HttpServer receiver;

  @Autowired OutboxDispatcher dispatcher;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CancellationService cancellations;
  @Autowired AccountService accounts;
  @Autowired NotificationService notifications;
  @Autowired JsonMapper json;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks", x -> {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(Map.copyOf(x.getRequestHeaders()), body));
      x.sendResponseHeaders(204, -1);
      x.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  @Order(10)
  void a_global_admin_in_chinese_adds_an_endpoint_and_a_cancellation_reaches_it_signed_once() throws Exception {
    // Aoife reads Chinese: her account's language is what her mails are written in (journey 2 checks).
    accounts.chooseLocale(accounts.loadUserByUsername("alder-admin").account(), Locale.forLanguageTag("zh-CN"));
    drain();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";

    Browser b = browser().signIn("alder-admin", "zh-CN").go("/settings/webhooks");
    assertThat(b.find("h1").getText()).isEqualTo("Webhook 端点");
    b.find("#url").sendKeys(url);
    b.find("#description").sendKeys("财务系统");
    b.click("input[name=eventTypes][value='subscription.cancelled']");
    b.click("#add-submit");
    assertThat(b.find(".notice").getText()).isEqualTo("密钥仅显示这一次。请立即复制，并将其保存在您的接收系统中。");
    String secret = b.find("#secret").getAttribute("value");
    assertThat(secret).startsWith("whsec_");
    b.screenshot(SHOTS.resolve("notifications-webhook-secret-zh-CN.png"));
    b.click("main a.button");
    String endpointPage = b.path();
    assertThat(b.find("h1").getText()).isEqualTo(url);
    assertThat(b.find("#status").getText()).isEqualTo("已启用");
    assertThat(b.all("#no-deliveries")).hasSize(1);

    fromProductMenu(b, "Beacon Workspace", "取消订阅");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("ALLOWED");
    assertThat(b.find("#decision").getText()).contains("3");
    b.click("input[name=reason][value=TOO_EXPENSIVE]");
    b.click("#decision form button[type=submit]");
    b.click("#confirm-cancel");
    assertThat(b.find("#done").getText()).contains("Beacon Workspace 已取消");
    drain();

    assertThat(received).as("one cancellation, one request").hasSize(1);
    Received got = received.get(0);
    new Webhook(secret).verify(got.body(), got.headers());
    var body = json.readTree(got.body());
    assertThat(body.get("type").asString()).isEqualTo("subscription.cancelled");
    assertThat(body.get("data").get("subscriptionId").asString()).isEqualTo(alder("Beacon Workspace").id().toString());

    b.go(endpointPage);
    List<WebElement> rows = b.all("#deliveries tbody tr");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("subscription.cancelled").contains("已送达");
    scrollTo(b, "#log");
    b.screenshot(SHOTS.resolve("notifications-webhook-delivered-zh-CN.png"));
    b.click("#deliveries tbody tr a");
    assertThat(b.find("#delivery-status").getText()).isEqualTo("已送达");
    assertThat(b.find("#tries").getText()).contains("204");
    b.screenshot(SHOTS.resolve("notifications-webhook-delivery-zh-CN.png"));
  }

  @Test
  @Order(20)
  void a_billing_admin_in_french_adds_a_recipient_and_the_operator_reads_the_mails_in_their_languages() throws Exception {
    TenantId alder = tenants.findByName("Alder Studio").get(0).id();
    Browser b = browser().signIn("alder-billing", "fr-FR").go("/billing/notifications");
    assertThat(b.find("h1").getText()).isEqualTo("Notifications de facturation");
    b.find("#recipient-email").sendKeys(EXTRA);
    b.click("#add-recipient button[type=submit]");
    assertThat(b.find(".notice").getText()).isEqualTo("Le destinataire a été ajouté.");
    assertThat(b.find("#recipients").getText()).contains(EXTRA);
    String invoices = "#my-mails input[name=kinds][value=" + MailKind.INVOICE_ISSUED.name() + "]";
    assertThat(b.find(invoices).isSelected()).as("optional mails are on until turned off").isTrue();
    assertThat(b.find(invoices).getSize().getWidth()).as("a checkbox, not a field across the form").isLessThan(40);
    b.click(invoices);
    b.click("#my-mails form button[type=submit]");
    assertThat(b.find(".notice").getText()).isEqualTo("Vos choix ont été enregistrés.");
    assertThat(b.find(invoices).isSelected()).isFalse();
    b.screenshot(SHOTS.resolve("notifications-settings-fr-FR.png"));
    scrollTo(b, "#recipients");
    b.screenshot(SHOTS.resolve("notifications-recipients-fr-FR.png"));
    assertThat(notifications.addressesFor(alder, MailKind.INVOICE_ISSUED))
        .contains(AOIFE, EXTRA).doesNotContain("brendan@alder-studio.example");
    assertThat(notifications.addressesFor(alder, MailKind.SUBSCRIPTION_CANCELLED))
        .contains(AOIFE, EXTRA, "brendan@alder-studio.example");

    Subscription fieldbook = alder("Fieldbook Planner");
    cancellations.cancel(fieldbook.tenant(), fieldbook.id(), ALDER_ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    drain();

    b.signIn("operator", "fr-FR").go("/operator/sent-emails");
    b.find("#q").sendKeys(AOIFE);
    b.click("form[role=search] button[type=submit]");
    assertThat(subjects(b)).contains("您的 Beacon Workspace 订阅已取消", "您的 Fieldbook Planner 订阅已取消");
    b.go("/operator/sent-emails?q=" + EXTRA);
    assertThat(subjects(b)).as("the organisation's language, English, for an address with no account")
        .containsExactly("Your Fieldbook Planner subscription was cancelled");

    b.go("/operator/sent-emails?q=" + AOIFE);
    for (WebElement a : b.all("#sent-emails tbody td a")) {
      if (a.getText().contains("Beacon Workspace")) {
        a.click();
        break;
      }
    }
    assertThat(b.find("h1").getText()).isEqualTo("您的 Beacon Workspace 订阅已取消");
    assertThat(b.find("#recipient").getText()).isEqualTo(AOIFE);
    assertThat(b.find("#language").getText()).isNotBlank();
    assertThat(b.find("#text-part").getText()).contains("Beacon Workspace");
    b.screenshot(SHOTS.resolve("notifications-sent-email-fr-FR.png"));
  }

  // ------------------------------------------------------------------ helpers

  /** Runs the dispatcher until it has nothing more to fan out or send now. */
  private void drain() {
    Outboxes.drain(dispatcher);
  }

  private static void scrollTo(Browser b, String css) {
    b.number("document.querySelector(\"" + css + "\").scrollIntoView(); return 0;");
  }

  private static List<String> subjects(Browser b) {
    return b.all("#sent-emails tbody tr td:nth-child(3)").stream().map(WebElement::getText).toList();
  }

  private Subscription alder(String product) {
    return subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.productName().equals(product)).findFirst().orElseThrow().subscription();
  }
}
