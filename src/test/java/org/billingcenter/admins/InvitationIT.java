package org.billingcenter.admins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.account.AccountAccessChanged;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.notification.SentEmail;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invitations and forgotten passwords end to end: the operator opens an organisation with its first
 * Global admin's name and address, the mail (through the outbox, to a real SMTP server) carries a
 * link that works once; Global admins invite, resend, withdraw, change roles and remove, never the
 * last Global admin; a forgotten password answers alike for known and unknown addresses.
 */
@RecordApplicationEvents
class InvitationIT extends DatabaseIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  static final String OPERATOR_PASSWORD = "operator-test-phrase-7";
  static final String NEW_PASSWORD = "copper-lantern-meadow-42";
  static final Pattern INVITATION_LINK = Pattern.compile("http://localhost:8080/invitations/([A-Za-z0-9_-]{43})");
  static final Pattern RESET_LINK = Pattern.compile("http://localhost:8080/password-reset/([A-Za-z0-9_-]{43})");

  @Autowired AccountService accounts;
  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired TransactionTemplate transaction;
  @Autowired PasswordResetService resets;
  @Autowired ResetThrottle resetThrottle;
  @Autowired JsonMapper json;
  @Autowired ApplicationEvents events;

  private String operator;

  @BeforeEach
  void anOperator() {
    resetThrottle.forgetAll();
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), OPERATOR_PASSWORD));
  }

  @Test
  void the_operator_opens_an_organisation_with_a_name_and_an_address_and_the_invitation_link_works_once()
      throws Exception {
    String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String body = json.writeValueAsString(Map.of("name", "Lovelace Ltd", "country", "FR", "locale", "fr-FR",
        "timeZone", "Europe/Paris", "currency", "EUR", "admin", Map.of("displayName", "Ada", "email", email)));
    MockHttpServletResponse created = mvc.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
        .content(body).with(httpBasic(operator, OPERATOR_PASSWORD))).andReturn().getResponse();
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode answer = json.readTree(created.getContentAsString());
    assertThat(answer.path("invitation").path("email").asString()).isEqualTo(email);
    assertThat(answer.path("invitation").path("expiresAt").asString()).isEqualTo("2026-03-17T10:00:00Z");

    MimeMessage mail = drainAndFindMail(email);
    assertThat(mail.getSubject()).contains("Lovelace Ltd");
    assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("fr-FR");
    String token = token(INVITATION_LINK, mail);

    MockHttpServletResponse page = mvc.perform(get("/invitations/" + token)).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("Lovelace Ltd").contains(email);

    MockHttpServletResponse differ = accept(token, NEW_PASSWORD, NEW_PASSWORD + "x").getResponse();
    assertThat(differ.getStatus()).isEqualTo(422);
    MockHttpServletResponse weak = accept(token, "password", "password").getResponse();
    assertThat(weak.getStatus()).isEqualTo(422);

    MvcResult accepted = accept(token, NEW_PASSWORD, NEW_PASSWORD);
    assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
    assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/");
    MockHttpSession session = (MockHttpSession) accepted.getRequest().getSession(false);
    assertThat(session).isNotNull();
    SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(context.getAuthentication().getName()).isEqualTo(email);
    assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/settings/admins").session(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    assertThat(mvc.perform(get("/api/v1/tenant").with(httpBasic(email, NEW_PASSWORD))).andReturn().getResponse()
        .getStatus()).isEqualTo(200);

    MockHttpServletResponse again = mvc.perform(get("/invitations/" + token)).andReturn().getResponse();
    assertThat(again.getStatus()).isEqualTo(410);
    assertThat(again.getContentAsString()).contains("id=\"link-invalid\"");
    assertThat(accept(token, "another-fine-passphrase-9", "another-fine-passphrase-9").getResponse().getStatus())
        .isEqualTo(410);

    List<SentEmail> kept = notifications.sentEmails(email, PageRequest.FIRST).items();
    assertThat(kept).singleElement().satisfies(m -> {
      assertThat(m.text()).doesNotContain(token).contains("/invitations/[redacted]");
      assertThat(m.html()).doesNotContain(token);
    });
  }

  @Test
  void a_global_admin_invites_resends_and_withdraws_and_an_expired_link_is_refused() throws Exception {
    Given org = tenants.tenant(0);
    String email = "bea-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    MockHttpServletResponse sent = api(org.admin(), post("/api/v1/admin-invitations").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("email", email, "displayName", "Bea", "roles", List.of("BILLING_ADMIN"),
            "locale", "da-DK"))));
    assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
    String id = json.readTree(sent.getContentAsString()).path("id").asString();
    MimeMessage first = drainAndFindMail(email);
    assertThat(first.getHeader("Content-Language")[0]).isEqualTo("da-DK");
    String firstToken = token(INVITATION_LINK, first);

    MockHttpServletResponse twice = api(org.admin(), post("/api/v1/admin-invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("email", email, "displayName", "Bea", "roles", List.of("READER")))));
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(twice.getContentAsString()).contains("INVITATION_PENDING");
    MockHttpServletResponse taken = api(org.admin(), post("/api/v1/admin-invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("email", adminAddress(org), "displayName", "X", "roles",
            List.of("READER")))));
    assertThat(taken.getStatus()).isEqualTo(409);
    assertThat(taken.getContentAsString()).contains("ADDRESS_IN_USE");

    clock.set(START.plus(Duration.ofDays(8)));
    assertThat(mvc.perform(get("/invitations/" + firstToken)).andReturn().getResponse().getStatus()).isEqualTo(410);
    MockHttpServletResponse pending = api(org.admin(), get("/api/v1/admin-invitations"));
    assertThat(pending.getContentAsString()).contains(email).contains("\"expired\":true");

    assertThat(api(org.admin(), post("/api/v1/admin-invitations/" + id + "/resend")).getStatus()).isEqualTo(200);
    String secondToken = token(INVITATION_LINK, drainAndFindMail(email));
    assertThat(secondToken).isNotEqualTo(firstToken);
    assertThat(mvc.perform(get("/invitations/" + firstToken)).andReturn().getResponse().getStatus()).isEqualTo(410);
    assertThat(mvc.perform(get("/invitations/" + secondToken)).andReturn().getResponse().getStatus()).isEqualTo(200);

    assertThat(api(org.admin(), delete("/api/v1/admin-invitations/" + id)).getStatus()).isEqualTo(204);
    assertThat(mvc.perform(get("/invitations/" + secondToken)).andReturn().getResponse().getStatus()).isEqualTo(410);
    assertThat(api(org.admin(), get("/api/v1/admin-invitations")).getContentAsString()).doesNotContain(email);
    assertThat(api(org.admin(), delete("/api/v1/admin-invitations/" + id)).getStatus()).isEqualTo(404);

    Given stranger = tenants.tenant(0);
    assertThat(api(stranger.admin(), post("/api/v1/admin-invitations/" + id + "/resend")).getStatus()).isEqualTo(404);
  }

  @Test
  void roles_change_and_admins_are_removed_but_never_the_last_global_admin() throws Exception {
    Given org = tenants.tenant(0);
    String billing = tenants.account(org, Role.BILLING_ADMIN);

    MockHttpServletResponse demoted = api(org.admin(), roles(org.admin(), "BILLING_ADMIN"));
    assertThat(demoted.getStatus()).isEqualTo(409);
    assertThat(demoted.getContentAsString()).contains("LAST_GLOBAL_ADMIN");
    MockHttpServletResponse removed = api(org.admin(), delete("/api/v1/admins/" + org.admin()));
    assertThat(removed.getStatus()).isEqualTo(409);
    assertThat(removed.getContentAsString()).contains("LAST_GLOBAL_ADMIN");
    MockHttpServletResponse check = page(org.admin(), get("/settings/admins/" + org.admin() + "/remove"));
    assertThat(check.getContentAsString()).contains("id=\"removal-refused\"").doesNotContain("confirm-remove");

    events.clear();
    MockHttpServletResponse promoted = api(org.admin(), roles(billing, "GLOBAL_ADMIN", "BILLING_ADMIN"));
    assertThat(promoted.getStatus()).as(promoted.getContentAsString()).isEqualTo(200);
    assertThat(events.stream(AccountAccessChanged.class))
        .containsExactly(new AccountAccessChanged(org.id(), billing, AccountAccessChanged.Why.ROLES_CHANGED));

    assertThat(page(billing, get("/settings/admins/" + org.admin() + "/remove")).getContentAsString())
        .contains("confirm-remove");
    events.clear();
    MockHttpServletResponse gone = page(billing, post("/settings/admins/" + org.admin() + "/remove").param("confirmed", "true").with(csrf()));
    assertThat(gone.getStatus()).isEqualTo(302);
    assertThat(events.stream(AccountAccessChanged.class))
        .containsExactly(new AccountAccessChanged(org.id(), org.admin(), AccountAccessChanged.Why.REMOVED));
    assertThat(mvc.perform(get("/api/v1/tenant").with(httpBasic(org.admin(), org.password()))).andReturn()
        .getResponse().getStatus()).isEqualTo(401);
    assertThat(api(billing, get("/api/v1/admins")).getContentAsString()).doesNotContain(org.admin());

    assertThat(api(billing, roles(billing, "READER")).getStatus()).isEqualTo(409);
    assertThat(api(billing, roles(billing, "OPERATOR")).getStatus()).isEqualTo(422);
    assertThat(api(billing, roles("nobody-" + UUID.randomUUID(), "READER")).getStatus()).isEqualTo(404);
    Given stranger = tenants.tenant(0);
    assertThat(api(stranger.admin(), delete("/api/v1/admins/" + billing)).getStatus()).isEqualTo(404);
    assertThat(api(stranger.admin(), roles(billing, "READER")).getStatus()).isEqualTo(404);
  }

  @Test
  void user_admins_and_billing_admins_cannot_manage_admins() throws Exception {
    Given org = tenants.tenant(0);
    for (Role role : List.of(Role.USER_ADMIN, Role.BILLING_ADMIN, Role.READER)) {
      String someone = tenants.account(org, role);
      assertThat(api(someone, get("/api/v1/admins")).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(api(someone, get("/api/v1/admin-invitations")).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(api(someone, post("/api/v1/admin-invitations").contentType(MediaType.APPLICATION_JSON)
          .content("{\"email\":\"x@example.org\",\"displayName\":\"X\",\"roles\":[\"GLOBAL_ADMIN\"]}")).getStatus())
          .as(role.name()).isEqualTo(403);
      assertThat(api(someone, roles(someone, "GLOBAL_ADMIN")).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(api(someone, delete("/api/v1/admins/" + org.admin())).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(page(someone, get("/settings/admins")).getStatus()).as(role.name()).isEqualTo(403);
    }
  }

  @Test
  void a_forgotten_password_answers_alike_for_known_and_unknown_addresses_and_its_link_works_once()
      throws Exception {
    Given org = tenants.tenant(0);
    String known = adminAddress(org);
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    MockHttpServletResponse forKnown = mvc.perform(post("/password-reset").param("email", known).with(csrf()))
        .andReturn().getResponse();
    MockHttpServletResponse forUnknown = mvc.perform(post("/password-reset").param("email", unknown).with(csrf()))
        .andReturn().getResponse();
    assertThat(forKnown.getStatus()).isEqualTo(302);
    assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus());
    assertThat(forUnknown.getRedirectedUrl()).isEqualTo(forKnown.getRedirectedUrl()).isEqualTo("/password-reset?sent");
    assertThat(withoutCsrf(forUnknown.getContentAsString())).isEqualTo(withoutCsrf(forKnown.getContentAsString()));
    MockHttpServletResponse sent = mvc.perform(get("/password-reset?sent")).andReturn().getResponse();
    assertThat(sent.getStatus()).isEqualTo(200);
    assertThat(sent.getContentAsString()).contains("id=\"reset-sent\"");
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
        .contains("href=\"/password-reset\"");

    resets.awaitIdle();
    String token = token(RESET_LINK, drainAndFindMail(known));
    assertThat(receivedBy(unknown)).isEmpty();
    assertThat(mvc.perform(get("/password-reset/" + token)).andReturn().getResponse().getContentAsString())
        .contains(org.admin());

    events.clear();
    MockHttpServletResponse reset = mvc.perform(post("/password-reset/" + token).param("password", NEW_PASSWORD)
        .param("passwordAgain", NEW_PASSWORD).with(csrf())).andReturn().getResponse();
    assertThat(reset.getStatus()).isEqualTo(302);
    assertThat(reset.getRedirectedUrl()).isEqualTo("/login?passwordReset");
    assertThat(events.stream(AccountAccessChanged.class))
        .containsExactly(new AccountAccessChanged(org.id(), org.admin(), AccountAccessChanged.Why.PASSWORD_CHANGED));
    assertThat(mvc.perform(get("/api/v1/tenant").with(httpBasic(org.admin(), NEW_PASSWORD))).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/api/v1/tenant").with(httpBasic(org.admin(), org.password()))).andReturn()
        .getResponse().getStatus()).isEqualTo(401);

    assertThat(mvc.perform(get("/password-reset/" + token)).andReturn().getResponse().getStatus()).isEqualTo(410);
    assertThat(mvc.perform(post("/password-reset/" + token).param("password", "yet-another-passphrase-3")
        .param("passwordAgain", "yet-another-passphrase-3").with(csrf())).andReturn().getResponse().getStatus())
        .isEqualTo(410);
    assertThat(notifications.sentEmails(known, PageRequest.FIRST).items()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.text() + m.html() + m.subject()).doesNotContain(token));

    clock.set(START.plus(Duration.ofHours(3)));
    mvc.perform(post("/password-reset").param("email", known).with(csrf()));
    resets.awaitIdle();
    String late = token(RESET_LINK, drainAndFindMail(known));
    clock.set(START.plus(Duration.ofHours(4).plusMinutes(1)));
    assertThat(mvc.perform(get("/password-reset/" + late)).andReturn().getResponse().getStatus()).isEqualTo(410);
  }

  // --- helpers ---

  private MvcResult accept(String token, String password, String again) throws Exception {
    return mvc.perform(post("/invitations/" + token).param("password", password).param("passwordAgain", again)
        .with(csrf())).andReturn();
  }

  private MockHttpServletRequestBuilder roles(String username, String... roles) throws Exception {
    return put("/api/v1/admins/" + username + "/roles").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("roles", List.of(roles))));
  }

  private MockHttpServletResponse api(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  private MockHttpServletResponse page(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  /** Gives the organisation's first admin an address and returns it. */
  private String adminAddress(Given org) {
    String address = "g-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    AdminAccount admin = accounts.loadUserByUsername(org.admin()).account();
    transaction.executeWithoutResult(s -> accounts.chooseEmail(admin, address));
    return address;
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "");
  }

  private MimeMessage drainAndFindMail(String address) throws Exception {
    Outboxes.drain(dispatcher);
    List<MimeMessage> mine = receivedBy(address);
    assertThat(mine).as("mails to " + address).isNotEmpty();
    return mine.get(mine.size() - 1);
  }

  private static List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String token(Pattern link, MimeMessage mail) throws Exception {
    Matcher found = link.matcher(Mails.plainText(mail));
    assertThat(found.find()).as("a link in the mail").isTrue();
    return found.group(1);
  }
}
