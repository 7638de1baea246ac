package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Billing notifications page and API (recipients, an admin's own optional mails, the address
 * on My account) and the operator's Sent e-mails pages, with their refusals.
 */
class NotificationPagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired NotificationService notifications;
  @Autowired TransactionTemplate transaction;

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  /** The flash attributes a form's redirect carries (the refusal notice, "error"). */
  private org.springframework.web.servlet.FlashMap flash(String username, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getFlashMap();
  }

  @Test
  void a_billing_admin_adds_and_removes_recipients_and_chooses_his_optional_mails() throws Exception {
    Given org = tenants.tenant(0);
    String billing = tenants.account(org, Role.BILLING_ADMIN);
    MockHttpServletResponse added = as(billing, post("/billing/notifications/recipients")
        .param("email", " Ledger@Example.ORG ").with(csrf()));
    assertThat(added.getRedirectedUrl()).isEqualTo("/billing/notifications");
    assertThat(notifications.recipients(org.id())).singleElement().extracting(Recipient::email)
        .isEqualTo("ledger@example.org");

    assertThat(flash(billing, post("/billing/notifications/recipients").param("email", "ledger@example.org")
        .with(csrf())).get("error")).asString().contains("ledger@example.org");
    assertThat(flash(billing, post("/billing/notifications/recipients").param("email", "not an address")
        .with(csrf())).get("error")).isNotNull();
    assertThat(notifications.recipients(org.id())).hasSize(1);

    as(billing, post("/billing/notifications/mine").param("kinds", "TRIAL_WILL_END").with(csrf()));
    assertThat(notifications.optedOut(org.id(), billing)).contains(MailKind.INVOICE_ISSUED, MailKind.CALLBACK_CLAIMED)
        .doesNotContain(MailKind.TRIAL_WILL_END, MailKind.SUBSCRIPTION_CANCELLED);

    Document page = Jsoup.parse(as(billing, get("/billing/notifications")).getContentAsString());
    assertThat(page.select("input[name=kinds][value=TRIAL_WILL_END]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=kinds][value=INVOICE_ISSUED]").hasAttr("checked")).isFalse();
    assertThat(page.select("input[name=kinds][value=SUBSCRIPTION_CANCELLED]")).as("not optional").isEmpty();
    assertThat(page.select("#recipients li").text()).contains("ledger@example.org");
    String id = page.select("#recipients li").attr("data-recipient-id");

    as(billing, post("/billing/notifications/recipients/" + id + "/remove").with(csrf()));
    assertThat(notifications.recipients(org.id())).isEmpty();
  }

  @Test
  void the_page_speaks_the_admins_language_and_readers_and_user_admins_are_refused() throws Exception {
    Given org = tenants.tenant(0);
    Document french = Jsoup.parse(as(org.admin(), get("/billing/notifications")).getContentAsString());
    assertThat(french.select("h1").text()).isEqualTo("Notifications de facturation");
    for (Role role : new Role[] {Role.READER, Role.USER_ADMIN}) {
      String username = tenants.account(org, role);
      assertThat(as(username, get("/billing/notifications")).getStatus()).isEqualTo(403);
      as(username, post("/billing/notifications/recipients").param("email", "x@example.org").with(csrf()));
    }
    assertThat(notifications.recipients(org.id())).isEmpty();
  }

  @Test
  void an_admin_sets_his_own_address_on_my_account() throws Exception {
    Given org = tenants.tenant(0);
    as(org.admin(), post("/account/email").param("email", "Me@Example.org").with(csrf()));
    assertThat(accounts.loadUserByUsername(org.admin()).account().email()).isEqualTo("me@example.org");
    assertThat(flash(org.admin(), post("/account/email").param("email", "me@").with(csrf())).get("error")).isNotNull();
    assertThat(accounts.loadUserByUsername(org.admin()).account().email()).isEqualTo("me@example.org");
    as(org.admin(), post("/account/email").param("email", "").with(csrf()));
    assertThat(accounts.loadUserByUsername(org.admin()).account().email()).isNull();
  }

  @Test
  void the_api_lists_adds_and_removes_recipients_with_localised_refusals() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpServletResponse created = as(org.admin(), post("/api/v1/billing-notifications/recipients")
        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"Books@Example.org\"}"));
    assertThat(created.getStatus()).isEqualTo(201);
    String id = JsonPath.read(created.getContentAsString(), "$.id");
    assertThat(as(org.admin(), get("/api/v1/billing-notifications/recipients")).getContentAsString())
        .contains("books@example.org");
    MockHttpServletResponse taken = as(org.admin(), post("/api/v1/billing-notifications/recipients")
        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"books@example.org\"}"));
    assertThat(taken.getStatus()).isEqualTo(409);
    assertThat(taken.getContentAsString()).contains("RECIPIENT_ALREADY_ADDED");
    MockHttpServletResponse invalid = as(org.admin(), post("/api/v1/billing-notifications/recipients")
        .header("Accept-Language", "da-DK").contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}"));
    assertThat(invalid.getStatus()).isEqualTo(422);
    String reader = tenants.account(org, Role.READER);
    assertThat(as(reader, delete("/api/v1/billing-notifications/recipients/" + id)).getStatus()).isEqualTo(403);
    assertThat(as(org.admin(), delete("/api/v1/billing-notifications/recipients/" + id)).getStatus()).isEqualTo(204);
    assertThat(as(org.admin(), delete("/api/v1/billing-notifications/recipients/" + id)).getStatus()).isEqualTo(404);
  }

  @Test
  void the_operator_reads_sent_mails_searches_them_by_recipient_and_opens_one_safely() throws Exception {
    Given org = tenants.tenant(0);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String to = "reader-" + suffix + "@example.org";
    SentEmail mail = new SentEmail(org.id(), UUID.randomUUID(), UUID.randomUUID(), MailKind.INVOICE_ISSUED, to,
        Locale.forLanguageTag("da-DK"), "Din faktura " + suffix, "Tekst " + suffix,
        "<html><body><p>Hej</p><script>alert(1)</script></body></html>", SentEmail.Status.SENT, null,
        Instant.parse("2026-03-10T10:00:00Z"));
    transaction.executeWithoutResult(t -> notifications.recordSent(mail));
    String operator = "operator-" + suffix;
    transaction.executeWithoutResult(t -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), Locale.ENGLISH), "pass-" + suffix + "-phrase"));

    Document list = Jsoup.parse(as(operator, get("/operator/sent-emails").param("q", "READER-" + suffix)).getContentAsString());
    assertThat(list.select("#sent-emails tbody tr")).hasSize(1);
    assertThat(list.select("#sent-emails tbody tr").text()).contains(to).contains("Danish").contains("Sent");
    Document none = Jsoup.parse(as(operator, get("/operator/sent-emails").param("q", "nobody-" + suffix)).getContentAsString());
    assertThat(none.select("#sent-emails")).isEmpty();

    String href = list.select("#sent-emails tbody a").attr("href");
    Document one = Jsoup.parse(as(operator, get(href)).getContentAsString());
    assertThat(one.select("h1").text()).isEqualTo("Din faktura " + suffix);
    assertThat(one.select("#recipient").text()).isEqualTo(to);
    assertThat(one.select("#text-part").text()).isEqualTo("Tekst " + suffix);
    assertThat(one.select("iframe#html-part").attr("sandbox")).isEmpty();
    assertThat(one.select("iframe#html-part").hasAttr("sandbox")).isTrue();
    assertThat(one.select("iframe#html-part").attr("srcdoc")).contains("<script>");
    assertThat(one.select("script:containsData(alert)")).as("the mail's script is not part of the page").isEmpty();

    assertThat(as(org.admin(), get("/operator/sent-emails")).getStatus()).isEqualTo(403);
    assertThat(as(operator, get("/operator/sent-emails/" + org.id() + "/" + UUID.randomUUID())).getStatus())
        .isIn(302, 404);
  }
}
