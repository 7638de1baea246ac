package org.billingcenter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.billingcenter.tenant.TenantService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17: the support console from the engineer's side: the queue with its filters, claim and
 * release, notes, the three endings (licenses removed, cancelled, retained), the rule that an
 * assisted action needs the engineer's claimed request or an audited override (API and pages), and
 * the organisation's e-mail saying what support did. A real SMTP server (GreenMail) receives it.
 */
class SupportConsoleIT extends DatabaseIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @Autowired CallbackService callbacks;
  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired JdbcClient jdbc;

  String engineer;
  String colleague;

  @BeforeEach
  void twoEngineers() {
    engineer = operatorAccount();
    colleague = operatorAccount();
  }

  private String operatorAccount() {
    String name = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(name, null, "Eng " + name, Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
    return name;
  }

  private RequestPostProcessor api(String who) {
    return httpBasic(who, "eng-password");
  }

  private RequestPostProcessor pages(String who) {
    return user(accounts.loadUserByUsername(who));
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private CallbackRequest ask(Given org, Subscription s, String language) {
    return callbacks.request(org.id(), new CallbackService.NewCallback(s.id(), "Nora Nilsen", "+33123456789",
        language, "mornings"), org.admin());
  }

  private String name(Given org) {
    return tenantService.get(org.id()).name();
  }

  private String request(Given org, CallbackRequest r) {
    return "/api/v1/support/tenants/" + org.id() + "/callback-requests/" + r.id();
  }

  @Test
  void the_queue_shows_each_organisation_oldest_first_filtered_by_language_waiting_time_and_name_in_pages()
      throws Exception {
    Given org = tenants.tenant(30);
    Given other = tenants.tenant(1);
    CallbackRequest first = ask(org, tenants.subscription(org, 30, 25), "fr");
    clock.advance(Duration.ofMinutes(30));
    CallbackRequest second = ask(org, tenants.subscription(org, 3, 2), "da");
    clock.advance(Duration.ofMinutes(30));
    CallbackRequest third = ask(org, tenants.subscription(org, 2, 1), "fr");
    ask(other, tenants.subscription(other, 1, 1), "fr");
    String query = name(org).substring(name(org).length() - 8);

    mvc.perform(get("/api/v1/support/callback-requests").param("query", query).param("size", "2").with(api(engineer)))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "3"))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].id").value(first.id().toString()))
        .andExpect(jsonPath("$[0].tenantName").value(name(org)))
        .andExpect(jsonPath("$[0].productName").isNotEmpty())
        .andExpect(jsonPath("$[0].planName").value("test-monthly-eur"))
        .andExpect(jsonPath("$[0].assigned").value(25))
        .andExpect(jsonPath("$[0].quantity").value(30))
        .andExpect(jsonPath("$[0].decision").value("REMOVE_OR_CALL"))
        .andExpect(jsonPath("$[0].licensesToRemove").value(1))
        .andExpect(jsonPath("$[0].waitingMinutes").value(60))
        .andExpect(jsonPath("$[0].timeWindow").value("mornings"))
        .andExpect(jsonPath("$[1].id").value(second.id().toString()))
        .andExpect(jsonPath("$[1].decision").value("CANCEL_ONLINE"));
    mvc.perform(get("/api/v1/support/callback-requests").param("query", query).param("page", "2").param("size", "2")
            .with(api(engineer)))
        .andExpect(jsonPath("$[0].id").value(third.id().toString()));
    mvc.perform(get("/api/v1/support/callback-requests").param("query", query).param("language", "da")
            .with(api(engineer)))
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].id").value(second.id().toString()));
    mvc.perform(get("/api/v1/support/callback-requests").param("query", query).param("minWaitingMinutes", "45")
            .with(api(engineer)))
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].id").value(first.id().toString()));
    // A LIKE wildcard in the search is text, not a pattern.
    mvc.perform(get("/api/v1/support/callback-requests").param("query", "%").with(api(engineer)))
        .andExpect(header().string("X-Total-Count", "0"));
    mvc.perform(get("/api/v1/support/callback-requests").param("minWaitingMinutes", "-1").with(api(engineer)))
        .andExpect(status().is4xxClientError());

    String page = mvc.perform(get("/support").param("query", query).param("language", "fr").param("lang", "en")
            .with(pages(engineer)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(name(org)).contains("href=\"tel:+33123456789\"").contains("25 of 30 assigned")
        .contains("Remove 1 license first").contains(first.id().toString()).contains(third.id().toString())
        .doesNotContain(second.id().toString()).contains("id=\"support-new-count\"");
    mvc.perform(get("/support").param("minWaitingMinutes", "abc").param("lang", "en").with(pages(engineer)))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void an_engineer_claims_notes_and_releases_and_a_colleague_cannot_release_his_claim() throws Exception {
    Given org = tenants.tenant(2);
    CallbackRequest r = ask(org, tenants.subscription(org, 2, 1), "en");
    mvc.perform(post(request(org, r) + "/claim").with(api(engineer))).andExpect(jsonPath("$.status").value("CLAIMED"));
    mvc.perform(json(post(request(org, r) + "/notes"), "{\"note\":\"Wants fewer seats\"}").with(api(engineer)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.engineer").value(engineer));
    clock.advance(Duration.ofMinutes(2));
    mvc.perform(json(post(request(org, r) + "/notes"), "{\"note\":\"  \"}").with(api(engineer)))
        .andExpect(status().is4xxClientError());
    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/notes").param("note", "Called back at 10:05")
            .with(pages(colleague)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(request(org, r)).with(api(engineer))) // the request carries its notes history, oldest first
        .andExpect(jsonPath("$.notes.length()").value(2))
        .andExpect(jsonPath("$.notes[0].note").value("Wants fewer seats"))
        .andExpect(jsonPath("$.notes[1].engineer").value(colleague));
    mvc.perform(post(request(org, r) + "/release").with(api(colleague)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("CALLBACK_CLAIMED_BY_OTHER"));
    mvc.perform(post(request(org, r) + "/release").with(api(engineer)))
        .andExpect(jsonPath("$.status").value("NEW"));
    assertThat(mvc.perform(get("/support/" + org.id() + "/" + r.id()).param("lang", "en").with(pages(colleague)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .contains("Wants fewer seats").contains("Called back at 10:05").contains("action=\"/support/" + org.id());
    assertThat(audit.history(org.id(), "callback_request", r.id().toString()))
        .extracting(e -> e.action())
        .containsExactly("CALLBACK_REQUESTED", "CALLBACK_CLAIMED", "CALLBACK_NOTE_ADDED", "CALLBACK_NOTE_ADDED",
            "CALLBACK_RELEASED");
  }

  @Test
  void an_assisted_cancellation_needs_the_engineers_claimed_request_or_an_audited_override() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 3, 3);
    String cancellation = "/api/v1/support/tenants/" + org.id() + "/subscriptions/" + s.id() + "/cancellation";
    String body = "{\"when\":\"END_OF_TERM\",\"reason\":\"TOO_EXPENSIVE\",\"note\":\"Asked on the phone\"}";
    String before = TenantFingerprint.of(jdbc, org.id());

    // No request on file, then one nobody claimed, then one a colleague claimed: refused, nothing changes.
    mvc.perform(json(post(cancellation), body).with(api(engineer)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("NO_CLAIMED_REQUEST"))
        .andExpect(jsonPath("$.access").value("NO_OPEN_REQUEST"));
    CallbackRequest r = ask(org, s, "en");
    before = TenantFingerprint.of(jdbc, org.id());
    mvc.perform(json(post(cancellation), body).with(api(engineer)))
        .andExpect(jsonPath("$.access").value("NOT_CLAIMED"));
    callbacks.claim(org.id(), r.id(), colleague);
    before = TenantFingerprint.of(jdbc, org.id());
    mvc.perform(json(post(cancellation), body).with(api(engineer)))
        .andExpect(jsonPath("$.access").value("CLAIMED_BY_OTHER"));
    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/cancel").param("when", "END_OF_TERM")
            .param("note", "on the phone").param("confirmed", "true").with(pages(engineer)).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("override reason")));
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);

    // The page shows the preview and asks for the override reason.
    mvc.perform(get("/support/" + org.id() + "/" + r.id() + "/cancel").param("when", "END_OF_TERM").param("lang", "en")
            .with(pages(engineer)))
        .andExpect(content().string(containsString("id=\"overrideReason\"")))
        .andExpect(content().string(containsString("users lose access")));
    mvc.perform(json(post(cancellation),
            "{\"when\":\"END_OF_TERM\",\"reason\":\"OTHER\",\"note\":\"Asked again\",\"overrideReason\":\"Colleague off sick\"}")
            .with(api(engineer)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preview.when").value("END_OF_TERM"));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().isEnding()).isTrue();
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SUPPORT_ASSISTED_CANCELLED"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo(engineer);
          assertThat(e.reason()).contains("override=true").contains("Colleague off sick");
        });
    // The colleague's request stays his: an override does not complete someone else's work.
    assertThat(callbacks.get(org.id(), r.id()).status()).isEqualTo(CallbackStatus.CLAIMED);
  }

  @Test
  void licenses_removed_for_them_complete_the_claimed_request_and_the_admins_are_told_in_their_language() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    String address = "global-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    transaction.executeWithoutResult(t -> accounts.chooseEmail(accounts.loadUserByUsername(org.admin()).account(), address));
    CallbackRequest r = ask(org, s, "en");
    callbacks.claim(org.id(), r.id(), engineer);
    String flow = "/support/" + org.id() + "/" + r.id() + "/licenses";

    mvc.perform(get(flow).param("quantity", "4").param("lang", "en").with(pages(engineer)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"removal-form\"")))
        .andExpect(content().string(containsString("1 license is removed")));
    mvc.perform(post(flow).param("quantity", "4").param("note", "Asked for one fewer").with(pages(engineer)).with(csrf()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(get("/api/v1/support/tenants/" + org.id() + "/subscriptions/" + s.id() + "/license-removal")
            .param("quantity", "6").with(api(engineer)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("NOT_A_REMOVAL"));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(5);
    drain();
    int mailsBefore = mailsTo(address).size();

    mvc.perform(post(flow).param("quantity", "4").param("note", "Asked for one fewer").param("confirmed", "true")
            .with(pages(engineer)).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(4);
    mvc.perform(get(request(org, r)).with(api(engineer))).andExpect(jsonPath("$.status").value("COMPLETED"));
    assertThat(mvc.perform(get("/support/" + org.id() + "/" + r.id()).param("lang", "en").with(pages(engineer)))
        .andReturn().getResponse().getContentAsString()).contains("Licenses removed for the organisation");
    drain();
    List<MimeMessage> received = mailsTo(address).subList(mailsBefore, mailsTo(address).size());
    assertThat(received).singleElement()
        .satisfies(m -> assertThat(Mails.plainText(m)).contains("notre équipe de support a retiré 1 licence"));
  }

  /** With an override and no request on file, the admins are still told, by a mail they cannot turn off. */
  @Test
  void licenses_removed_with_an_override_are_told_to_the_admins_too() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    String address = "global-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    transaction.executeWithoutResult(t -> accounts.chooseEmail(accounts.loadUserByUsername(org.admin()).account(), address));
    drain();
    int mailsBefore = mailsTo(address).size();

    mvc.perform(json(post("/api/v1/support/tenants/" + org.id() + "/subscriptions/" + s.id() + "/license-removal"),
            "{\"quantity\":4,\"note\":\"One fewer\",\"overrideReason\":\"Asked by phone, no request filed\"}")
            .with(api(engineer)))
        .andExpect(status().isOk());

    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(4);
    drain();
    List<MimeMessage> received = mailsTo(address).subList(mailsBefore, mailsTo(address).size());
    assertThat(received).singleElement()
        .satisfies(m -> assertThat(Mails.plainText(m)).contains("Notre équipe de support a retiré 1 licence")
            .contains("aucune demande de rappel"));
  }

  @Test
  void an_organisation_that_stays_is_recorded_as_retained_with_its_reason() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 2);
    CallbackRequest r = ask(org, s, "fr");
    mvc.perform(json(post(request(org, r) + "/retained"), "{\"reason\":\"PRICE_EXPLAINED\",\"text\":\"Stays\"}")
            .with(api(engineer)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("CALLBACK_WRONG_STATUS"));
    callbacks.claim(org.id(), r.id(), engineer);
    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/retained").param("reason", "BOGUS").param("text", "x")
            .param("lang", "en").with(pages(engineer)).with(csrf()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/retained").param("reason", "FEWER_LICENSES")
            .param("text", "Will drop to one license next month").with(pages(engineer)).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(callbacks.get(org.id(), r.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(jdbc.sql("select outcome, retention_reason, retention_text from callback_request"
            + " where tenant_id = :t and callback_request_id = :id")
        .param("t", org.id().value()).param("id", r.id())
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single())
        .isEqualTo("RETAINED FEWER_LICENSES Will drop to one license next month");
    assertThat(mvc.perform(get("/support/" + org.id() + "/" + r.id() + "/organisation").param("lang", "en")
            .with(pages(engineer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .contains(name(org)).contains("Subscriptions (1)").doesNotContain("<form method=\"post\" action=\"/billing");
  }

  /** The address's mails in arrival order (GreenMail lists all its messages mailbox by mailbox). */
  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
  }

  private void drain() {
    Outboxes.drain(dispatcher);
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
