package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every mail in every language, through the real composer (names read from the modules) and
 * renderer: no missing key, no unformatted argument, both parts written, the page linked, and no
 * English word in a mail that is not English.
 */
class MailRenderIT extends DatabaseIT {

  static final List<String> LANGUAGES = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");
  /**
   * Words the translations share with English on purpose: technical terms, and French words spelt
   * as English ones (the page "Notifications de facturation").
   */
  static final Set<String> SHARED = Set.of("mail", "webhook", "webhooks", "page", "notifications",
      // month names Danish writes as English does
      "april", "august", "september", "november", "december",
      // words French or Danish spell as English does
      "date", "organisation", "part", "data", "invitation", "minutes",
      // Danish "e-mails" (split at the hyphen); French "support" (the team, as the pages say it)
      "mails", "support");
  static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

  @Autowired MailComposer composer;
  @Autowired MailRenderer renderer;

  @Test
  void every_mail_renders_completely_in_every_language() {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 3, 2);
    List<Map<String, String>> losing = List.of(
        Map.of("memberId", org.members().get(0).toString(), "name", "Person 1"),
        Map.of("memberId", org.members().get(1).toString(), "name", "Person 2"));
    List<String> english = new java.util.ArrayList<>();
    for (MailKind kind : MailKind.values()) {
      MailContent content = composer.compose(kind, MailEvents.of(kind, org.id(), s.id().toString(), losing));
      Set<String> englishWords = words(renderer.render(content, Locale.ENGLISH, "FR").text(), content);
      for (String language : LANGUAGES) {
        RenderedMail mail = renderer.render(content, Locale.forLanguageTag(language), "FR");
        String what = kind + " in " + language;
        assertThat(mail.subject()).as(what).isNotBlank().doesNotContain("{").doesNotContain("??");
        assertThat(mail.text()).as(what).isNotBlank().doesNotContain("{").doesNotContain("}").doesNotContain("??")
            .contains("http://localhost:8080" + linkPath(content));
        assertThat(mail.html()).as(what).contains("<html").doesNotContain("{").doesNotContain("??")
            .contains("href=\"http://localhost:8080" + linkPath(content) + "\"");
        if (!language.equals("en")) {
          Set<String> common = new HashSet<>(words(mail.text(), content));
          common.retainAll(englishWords);
          if (!common.isEmpty()) {
            english.add(what + ": " + common);
          }
        }
      }
    }
    assertThat(english).as("English words in mails that are not English").isEmpty();
  }

  /** Issue 17: the support mail's other outcome, complete in every language. */
  @Test
  void a_cancellation_by_support_without_a_request_is_told_in_every_language() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 1, 0);
    OutboxEvent event = new OutboxEvent(org.id(), java.util.UUID.randomUUID(), MailKind.SUPPORT_ASSISTED_ACTION.event(),
        java.time.Instant.parse("2026-03-10T10:00:00Z"), s.id().toString(),
        "{\"subscriptionId\":\"" + s.id() + "\",\"outcome\":\"CANCELLED\"}");
    MailContent content = composer.compose(MailKind.SUPPORT_ASSISTED_ACTION, event);
    for (String language : LANGUAGES) {
      RenderedMail mail = renderer.render(content, Locale.forLanguageTag(language), "FR");
      assertThat(mail.subject()).as(language).doesNotContain("{").doesNotContain("??");
      assertThat(mail.text()).as(language).doesNotContain("{").doesNotContain("??");
    }
    assertThat(renderer.render(content, Locale.ENGLISH, "FR").text())
        .contains("cancelled your").contains("no callback request open");
  }

  @Test
  void a_cancellation_names_who_loses_access_and_the_credit_in_the_readers_formats() {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 2);
    List<Map<String, String>> losing = List.of(Map.of("memberId", org.members().get(0).toString(), "name", "Old name"));
    MailContent content = composer.compose(MailKind.SUBSCRIPTION_CANCELLED,
        MailEvents.of(MailKind.SUBSCRIPTION_CANCELLED, org.id(), s.id().toString(), losing));
    RenderedMail danish = renderer.render(content, Locale.forLanguageTag("da-DK"), "FR");
    assertThat(danish.subject()).contains("Test Product").contains("opsagt");
    assertThat(danish.text()).contains("12,34").contains("€").contains("1. april 2026").contains("Person 1")
        .doesNotContain("Old name");
    RenderedMail english = renderer.render(content, Locale.ENGLISH, "FR");
    assertThat(english.text()).contains("€12.34").contains("April 1, 2026").contains("on your organisation's behalf");
  }

  // Issue 18 mails: begin
  /**
   * The payment mails' other sentences (the last try, no try planned, an unknown decline code, an
   * invoice without a number, the card of a receipt) and an expiry for non-payment, complete in
   * every language and saying, in English, what the organisation needs to know.
   */
  @Test
  void the_payment_mails_say_the_amount_why_what_comes_next_and_the_card_in_every_language() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 1, 0);
    Map<String, Object> last = Map.of("invoiceId", MailEvents.INVOICE, "invoiceNumber", MailEvents.INVOICE_NUMBER,
        "attemptNumber", 8, "trigger", "RETRY", "amount", MailEvents.CREDIT, "reason", "expired_card", "final", true);
    Map<String, Object> lastKept = Map.of("invoiceId", MailEvents.INVOICE, "invoiceNumber", MailEvents.INVOICE_NUMBER,
        "attemptNumber", 8, "trigger", "RETRY", "amount", MailEvents.CREDIT, "reason", "expired_card", "final", true,
        "keptWhileCallbackOpen", 2);
    Map<String, Object> nothingPlanned = Map.of("invoiceId", MailEvents.INVOICE, "attemptNumber", 9,
        "trigger", "PAY_NOW", "amount", MailEvents.CREDIT, "reason", "a_code_from_a_newer_provider", "final", false);
    Map<String, Object> receipt = Map.of("invoiceId", MailEvents.INVOICE, "attemptNumber", 4, "trigger", "RETRY",
        "amount", MailEvents.CREDIT, "recovered", true, "paymentMethodId", org.card().toString());
    OutboxEvent expired = new OutboxEvent(org.id(), java.util.UUID.randomUUID(), MailKind.SUBSCRIPTION_EXPIRED.event(),
        java.time.Instant.parse("2026-04-09T10:00:00Z"), s.id().toString(), "{\"subscriptionId\":\"" + s.id()
        + "\",\"expiredOn\":\"2026-04-09\",\"disablesOn\":\"2026-05-09\",\"reason\":\"PAYMENT_FAILED\"}");
    Map<String, MailContent> contents = new java.util.LinkedHashMap<>();
    contents.put("last try", composer.compose(MailKind.PAYMENT_FAILED,
        MailEvents.payment(MailKind.PAYMENT_FAILED.event(), org.id(), last)));
    contents.put("last try, support calling", composer.compose(MailKind.PAYMENT_FAILED,
        MailEvents.payment(MailKind.PAYMENT_FAILED.event(), org.id(), lastKept)));
    contents.put("nothing planned", composer.compose(MailKind.PAYMENT_FAILED,
        MailEvents.payment(MailKind.PAYMENT_FAILED.event(), org.id(), nothingPlanned)));
    contents.put("receipt", composer.compose(MailKind.PAYMENT_RECEIPT,
        MailEvents.payment(MailKind.PAYMENT_RECEIPT.event(), org.id(), receipt)));
    contents.put("expired unpaid", composer.compose(MailKind.SUBSCRIPTION_EXPIRED, expired));
    contents.forEach((name, content) -> {
      for (String language : LANGUAGES) {
        RenderedMail mail = renderer.render(content, Locale.forLanguageTag(language), "FR");
        String what = name + " in " + language;
        assertThat(mail.subject()).as(what).isNotBlank().doesNotContain("{").doesNotContain("??");
        assertThat(mail.text()).as(what).doesNotContain("{").doesNotContain("}").doesNotContain("??")
            .contains("http://localhost:8080" + content.linkPath());
      }
    });
    assertThat(renderer.render(contents.get("last try"), Locale.ENGLISH, "FR").text())
        .contains("€12.34").contains("invoice INV-2026-000042").contains("The card has expired.")
        .contains("last automatic try").contains("keep access for 30 days").contains("Pay your balance")
        .contains("http://localhost:8080/billing/balance");
    assertThat(renderer.render(contents.get("last try"), Locale.FRANCE, "FR").text())
        .contains("12,34").contains("La carte a expiré").contains("encore 30 jours");
    assertThat(renderer.render(contents.get("last try, support calling"), Locale.ENGLISH, "FR").text())
        .contains("last automatic try").contains("2 subscriptions this invoice pays for stay active while your callback")
        .contains("keep access for 30 days").doesNotContain("The subscriptions this invoice pays for expire");
    assertThat(renderer.render(contents.get("last try, support calling"), Locale.forLanguageTag("bg-BG"), "FR").text())
        .contains("2 абонамента по тази фактура остават активни");
    assertThat(renderer.render(contents.get("nothing planned"), Locale.ENGLISH, "FR").text())
        .contains("for your invoice").contains("Your bank declined the card.").contains("No further automatic try");
    RenderedMail paid = renderer.render(contents.get("receipt"), Locale.ENGLISH, "FR");
    assertThat(paid.subject()).isEqualTo("Payment received: €12.34");
    assertThat(paid.text()).contains("charged to Visa •••• 4242").contains("no more automatic tries")
        .contains("http://localhost:8080/billing/invoices");
    assertThat(renderer.render(contents.get("expired unpaid"), Locale.forLanguageTag("da-DK"), "FR").text())
        .contains("fordi betalingen mislykkedes").contains("9. maj 2026").contains("/billing/balance");
  }
  // Issue 18 mails: end

  private static String linkPath(MailContent content) {
    return content.linkPath();
  }

  /** The words of a mail that are not values (names, addresses, the organisation, the link). */
  private static Set<String> words(String text, MailContent content) {
    String prose = text.replaceAll("https?://\\S+", " ").replace(content.organisation(), " ");
    for (String name : content.names()) {
      prose = prose.replace(name, " ");
    }
    prose = prose.replace("Test Product", " ").replace("hooks.example.org", " ").replace("Zoltan", " ");
    // Issue 15 (admins): the product's name, the invitee's address and the inviter's name
    prose = prose.replace("Billing Center", " ").replace("ada@example.org", " ").replace("Grace", " ");
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(prose);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!SHARED.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }
}
