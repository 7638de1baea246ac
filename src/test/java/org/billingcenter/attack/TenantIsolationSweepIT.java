package org.billingcenter.attack;

import org.billingcenter.session.SessionOwner; // Issue 15 sessions
import org.billingcenter.session.SessionService; // Issue 15 sessions
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
// Issue 15: API keys (imports)
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.CreatedApiKey;
import org.billingcenter.apikey.NewApiKey;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.billingcenter.billing.BillingService;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.CallbackService;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.admins.NewInvitation;
import org.billingcenter.webhook.NewWebhookEndpoint;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookService;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockMultipartFile;

/**
 * For every operation in the OpenAPI document: called by another organisation's accounts with this
 * organisation's identifiers, nothing of it is returned and nothing of it changes; called by a
 * Reader, nothing changes at all.
 */
class TenantIsolationSweepIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;
  @Autowired CallbackService callbacks;
  @Autowired BillingService billing;
  @Autowired SubscriptionService subscriptions;
  @Autowired TransactionTemplate transaction;
  @Autowired WebhookService webhooks;
  @Autowired Outbox outbox;
  @Autowired NotificationService notifications;
  // Issue 15: API keys
  @Autowired ApiKeyService apiKeys;

  /** Issue 15: API keys. Who calls: a signed-in account, or a Bearer API key (never both). */
  record Caller(String name, RequestPostProcessor as) {}

  private Caller account(String username) {
    return new Caller(username, user(accounts.loadUserByUsername(username)));
  }

  private Caller key(Given tenant, Role role) {
    CreatedApiKey key = apiKeys.create(new NewApiKey(tenant.id(), "sweep " + role, role, null), "t");
    return new Caller(key.prefix() + " (" + role + " key)", request -> {
      request.addHeader("Authorization", key.authorization());
      return request;
    });
  }
  @Autowired SessionService sessions; // Issue 15 sessions
  @Autowired InvitationService invitations; // Issue 15 (admins)
  @Autowired org.billingcenter.billingprofile.BillingProfileService profiles; // Issue 16 (profile)

  record Operation(HttpMethod method, String path) {}

  private List<Operation> operations() throws Exception {
    String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
    List<Operation> all = new ArrayList<>();
    paths.forEach((path, methods) -> methods.keySet().forEach(m -> all.add(new Operation(HttpMethod.valueOf(m.toUpperCase()), path))));
    return all;
  }

  @Test
  void another_organisation_gets_nothing_of_this_one_and_changes_nothing() throws Exception {
    Given victim = tenants.tenant(3);
    Subscription victimSub = tenants.subscription(victim, 5, 3);
    var callback = callbacks.request(victim.id(), new CallbackService.NewCallback(victimSub.id(), "V", "+33123456789", "fr", "x"), "t");
    String invoice = billing.invoices(victim.id()).get(0).id().toString();
    String change = scheduledChange(victimSub);
    String endpoint = webhooks.register(Owner.of(victim.id()),
        new NewWebhookEndpoint("https://93.184.215.14/victim", List.of("subscription.cancelled"), "victim"), "t").endpoint().id().toString();
    // Off, as an endpoint failing for days would be: the victim's events go nowhere (the address
    // does not answer here), the pages and API still show it.
    jdbc.sql("update webhook_endpoint set status = 'DISABLED' where endpoint_id = :id")
        .param("id", java.util.UUID.fromString(endpoint)).update();
    String delivery = webhookDelivery(victim, endpoint);
    String recipient = transaction.execute(t -> notifications.addRecipient(victim.id(), "victim-books@example.org", "t"))
        .id().toString();
    // Issue 15 (admins): a pending invitation of the victim's; its admin's username is a target too
    String invitation = transaction.execute(t -> invitations.invite(victim.id(), new NewInvitation(
        "victim-invitee@example.org", "Vi", java.util.Set.of(Role.READER), null), "t", null)).id().toString();
    // Issue 15 sessions (begin): a signed-in session of the victim's admin
    String session = sessions.register(SessionOwner.of(victim.id()), victim.admin(),
        "203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0").id().toString();
    // Issue 15 sessions (end)
    // Issue 15: API keys. The victim's key: its id, prefix and secret must never reach the attacker.
    CreatedApiKey victimKey = apiKeys.create(new NewApiKey(victim.id(), "victim's script", Role.BILLING_ADMIN, null), "t");
    List<String> victimIds = List.of(victim.id().toString(), victimSub.id().toString(), callback.id().toString(), invoice,
        victim.members().get(0).toString(), victim.card().toString(), change, endpoint, delivery, recipient,
        "victim-books@example.org", victimKey.id().toString(), victimKey.prefix(), victimKey.secret().substring(21),
        session, "203.0.113.9", invitation, "victim-invitee@example.org", victim.admin());
    // Issue 15 SSO: begin — the victim's provider (off: nothing ever calls it); its issuer, client and
    // secret must show in no answer to another organisation.
    victimIds = new ArrayList<>(victimIds);
    victimIds.addAll(victimSso(victim));
    // Issue 15 SSO: end
    // Issue 16 (profile): the victim's saved billing profile; none of it may reach another organisation
    transaction.executeWithoutResult(t -> profiles.update(victim.id(), new org.billingcenter.billingprofile.BillingProfileChange(
        "Victim Legal Name SAS", "7 victim street", null, "75001", "Victimville", null, "FR44732829320", "VICTIM-PO-1",
        "fr-FR", true, true), "t"));
    victimIds.addAll(List.of("Victim Legal Name SAS", "7 victim street", "Victimville", "FR44732829320", "VICTIM-PO-1"));
    String before = TenantFingerprint.of(jdbc, victim.id());

    Given attacker = tenants.tenant(1);
    // Issue 15: API keys. Every attack runs with the attacker's accounts, then with its API keys.
    List<Caller> accountsToTry = new ArrayList<>(List.of(account(attacker.admin())));
    for (Role role : List.of(Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      accountsToTry.add(account(tenants.account(attacker, role)));
    }
    for (Role role : List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      accountsToTry.add(key(attacker, role));
    }
    String body = """
        {"subscriptionId":"%s","memberIds":["%s"],"paymentMethodId":"%s","planId":"test-monthly-eur","quantity":1,
         "when":"NOW","reason":"OTHER","contactName":"X","phone":"+33123456789","language":"en","preferredTimeWindow":"x",
         "autoRenew":false,"displayName":"X","email":"sweep@example.org","members":[{"displayName":"Y","email":"y@example.org"}],
         "token":"tok","brand":"Visa","last4":"4242","expiryMonth":12,"expiryYear":2035,"date":"2026-04-10","notes":"n","note":"n",
         "query":"","since":"2026-01-01T00:00:00Z","roles":["READER"]}
        """.formatted(victimSub.id(), victim.members().get(0), victim.card());

    int calls = 0;
    for (Caller caller : accountsToTry) {
      String username = caller.name();
      for (Operation op : operations()) {
        if (op.path().startsWith("/api/v1/support") || op.path().startsWith("/api/v1/operator") || op.path().equals("/api/v1/tenants")) {
          continue; // operator-side, refused by role for every tenant account (checked below)
        }
        boolean targetsVictim = op.path().contains("{");
        String path = op.path()
            .replace("{changeId}", change)
            .replace("{tenantId}", victim.id().toString())
            .replace("{memberId}", victim.members().get(0).toString())
            .replace("{username}", victim.admin()) // Issue 15 (admins)
            .replace("{id}", op.path().startsWith("/api/v1/invoices") ? invoice
                : op.path().startsWith("/api/v1/credit-notes") ? invoice // Issue 16 (pdf): the victim's document
                : op.path().startsWith("/api/v1/admin-invitations") ? invitation // Issue 15 (admins)
                : op.path().startsWith("/api/v1/callback-requests") ? callback.id().toString()
                : op.path().startsWith("/api/v1/webhook-endpoints") ? endpoint
                : op.path().startsWith("/api/v1/webhook-deliveries") ? delivery
                : op.path().startsWith("/api/v1/billing-notifications") ? recipient
                : op.path().startsWith("/api/v1/api-keys") ? victimKey.id().toString() // Issue 15: API keys
                : op.path().startsWith("/api/v1/sessions") ? session // Issue 15 sessions
                : victimSub.id().toString());
        MockHttpServletResponse response = mvc.perform(request(op.method(), path)
                .contentType(MediaType.APPLICATION_JSON).content(body)
                .with(caller.as()))
            .andReturn().getResponse();
        calls++;
        // A problem's "instance" repeats the path the caller sent; everything else must be clean.
        String answer = response.getContentAsString().replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String id : victimIds) {
          assertThat(answer).as(username + " " + op).doesNotContain(id);
        }
        if (targetsVictim) {
          assertThat(response.getStatus()).as(username + " " + op).isIn(403, 404);
        }
      }
    }
    // Issue 16 (pdf): the page's Download PDF link of the victim's invoice
    for (Caller caller : accountsToTry.subList(0, 4)) {
      MockHttpServletResponse pdf = mvc.perform(get("/billing/invoices/" + invoice + "/pdf").with(caller.as()))
          .andReturn().getResponse();
      assertThat(pdf.getStatus()).as(caller.name() + " PDF page").isEqualTo(404);
      assertThat(String.valueOf(pdf.getContentType())).as(caller.name() + " PDF page").doesNotContain("pdf");
    }
    for (String path : List.of("/api/v1/support/callback-requests", "/api/v1/operator/billing-runs", "/api/v1/tenants")) {
      MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_JSON).content(body)
          .with(user(accounts.loadUserByUsername(attacker.admin())))).andReturn().getResponse();
      assertThat(response.getStatus()).as(path).isEqualTo(403);
    }
    assertThat(calls).isGreaterThan(120);
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  @Test
  void a_reader_changes_nothing_with_any_operation() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 2);
    String change = scheduledChange(s);
    String reader = tenants.account(org, Role.READER);
    Caller readerKey = key(org, Role.READER); // Issue 15: API keys
    String before = TenantFingerprint.of(jdbc, org.id());
    for (Operation op : operations()) {
      if (op.method() == HttpMethod.GET) {
        continue;
      }
      for (Caller caller : List.of(account(reader), readerKey)) { // Issue 15: API keys: the account and its key
        String path = op.path().replace("{changeId}", change).replace("{id}", s.id().toString()).replace("{memberId}", org.members().get(0).toString())
            .replace("{username}", org.admin()) // Issue 15 (admins)
            .replace("{tenantId}", org.id().toString());
        MockHttpServletResponse response = mvc.perform(request(op.method(), path).contentType(MediaType.APPLICATION_JSON)
            .content("{\"memberIds\":[\"" + org.members().get(0) + "\"],\"autoRenew\":false,\"reason\":\"OTHER\",\"query\":\"\"}")
            .with(caller.as())).andReturn().getResponse();
        assertThat(response.getStatus()).as(caller.name() + " " + op).isEqualTo(403);
      }
    }
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  // Issue 15 SSO: begin
  @Autowired org.billingcenter.sso.SsoService sso;

  /** A provider for the victim (disabled); what of it must never reach another organisation. */
  private List<String> victimSso(Given victim) {
    String domain = "victim-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example"; // one organisation's
    transaction.executeWithoutResult(st -> sso.configure(victim.id(), new org.billingcenter.sso.SsoProviderSettings(
        "https://93.184.215.14/victim-idp", "victim-client-id", "victim-client-secret", List.of(domain),
        List.of(new org.billingcenter.sso.RoleMapping("groups", "victim-group", Role.BILLING_ADMIN)), null, false, false),
        "t"));
    return List.of("victim-idp", "victim-client-id", "victim-client-secret", domain, "victim-group");
  }

  /** The single sign-on settings pages of another organisation show and change nothing of this one's. */
  @Test
  void the_single_sign_on_pages_never_reach_another_organisation() throws Exception {
    Given victim = tenants.tenant(0);
    List<String> secrets = victimSso(victim);
    int revision = sso.get(victim.id()).revision();
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    var me = user(accounts.loadUserByUsername(attacker.admin()));
    for (String page : List.of("/settings/sso", "/settings/sso/delete")) {
      String html = mvc.perform(get(page).with(me)).andReturn().getResponse().getContentAsString();
      secrets.forEach(secret -> assertThat(html).as(page).doesNotContain(secret));
    }
    mvc.perform(post("/settings/sso/delete").param("revision", String.valueOf(revision)).with(me).with(csrf()));
    mvc.perform(get("/settings/sso/check").with(me));
    mvc.perform(post("/settings/sso").param("issuer", "https://93.184.215.14/attacker").param("clientId", "a")
        .param("emailDomains", secrets.get(3)).param("enabled", "true").with(me).with(csrf()));
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
    assertThat(sso.find(attacker.id())).as("no secret, and the victim's domain is taken: nothing saved").isEmpty();
  }
  // Issue 15 SSO: end

  /** A failed webhook delivery to the victim's endpoint, as a dispatcher leaves one. */
  private String webhookDelivery(Given victim, String endpoint) {
    java.util.UUID id = java.util.UUID.randomUUID();
    transaction.executeWithoutResult(st -> {
      java.util.UUID event = outbox.append(victim.id(), EventType.SUBSCRIPTION_CANCELLED, id, Map.of("actor", "t"));
      jdbc.sql("""
              insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, attempts, created_at,
                                    next_attempt_at, finished_at)
              values (:t, :d, :e, 'WEBHOOK', :target, 'FAILED', 1, :now, :now, :now)
              """)
          .param("t", victim.id().value()).param("d", id).param("e", event).param("target", endpoint)
          .param("now", org.billingcenter.shared.Utc.of(clock.instant())).update();
    });
    return id.toString();
  }

  /** A pending reduction to 4 licenses at the renewal, so the scheduled-change operations have a target. */
  private String scheduledChange(Subscription s) {
    return transaction.execute(st -> subscriptions.scheduleChange(
        subscriptions.lock(s.tenant(), s.id()), ScheduledChange.Kind.QUANTITY, 4, null, "t")).id().toString();
  }

  /** Users & licenses: another organisation's subscription shows none of its members and takes no search action. */
  @Test
  void the_users_page_and_its_search_actions_never_reach_another_organisation() throws Exception {
    Given victim = tenants.tenant(3);
    Subscription victimSub = tenants.subscription(victim, 5, 1);
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(2);
    var as = user(accounts.loadUserByUsername(attacker.admin()));
    MockHttpServletResponse page = mvc.perform(get("/users").param("subscription", victimSub.id().toString())
        .param("q", "Person").with(as)).andReturn().getResponse();
    for (String id : List.of(victim.members().get(0).toString(), victim.members().get(1).toString())) {
      assertThat(page.getContentAsString()).doesNotContain(id);
    }
    for (String action : List.of("/users/assign-matching", "/users/unassign-matching")) {
      mvc.perform(post(action).param("subscription", victimSub.id().toString()).param("query", "")
          .with(as).with(csrf())).andReturn();
    }
    for (String action : List.of("/users/assign", "/users/unassign")) {
      for (var member : victim.members()) {
        mvc.perform(post(action).param("subscription", victimSub.id().toString()).param("memberIds", member.toString())
            .with(as).with(csrf())).andReturn();
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  /**
   * Members: another organisation's admin cannot see, edit or remove this one's members from the
   * pages, and importing a file of this organisation's addresses adds them to the importer's own
   * organisation only.
   */
  @Test
  void another_organisation_cannot_reach_this_ones_members_from_the_pages_or_an_import() throws Exception {
    Given victim = tenants.tenant(2);
    tenants.subscription(victim, 2, 2);
    String member = victim.members().get(0).toString();
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    for (String username : List.of(attacker.admin(), tenants.account(attacker, Role.USER_ADMIN))) {
      var me = user(accounts.loadUserByUsername(username));
      for (String page : List.of("/members/" + member + "/edit", "/members/" + member + "/remove")) {
        MockHttpServletResponse response = mvc.perform(get(page).with(me)).andReturn().getResponse();
        assertThat(response.getStatus()).as(page).isNotEqualTo(200);
        assertThat(response.getContentAsString()).as(page).doesNotContain(member).doesNotContain("Person 1");
      }
      mvc.perform(post("/members/" + member).param("displayName", "Taken").param("email", "taken@example.org").with(me).with(csrf()));
      mvc.perform(post("/members/" + member + "/remove").with(me).with(csrf()));
      String victimEmail = jdbc.sql("select email from member where tenant_id = :t and member_id = :m")
          .param("t", victim.id().value()).param("m", victim.members().get(0).value()).query(String.class).single();
      String csv = "displayName,email\nCopy," + victimEmail + "\n";
      mvc.perform(post("/api/v1/members/import").contentType("text/csv").content(csv).with(me));
      mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "m.csv", "text/csv", csv.getBytes()))
          .with(me).with(csrf()));
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from member where tenant_id = :t").param("t", attacker.id().value())
        .query(Long.class).single()).as("the copy went to the importer's own organisation, once").isEqualTo(1);
  }

  /**
   * Billing notifications: another organisation's admin sees none of this one's recipients and
   * cannot remove them from the page; the operator's Sent e-mails pages refuse every tenant account.
   */
  @Test
  void the_notification_pages_never_reach_another_organisation() throws Exception {
    Given victim = tenants.tenant(0);
    var recipient = transaction.execute(t -> notifications.addRecipient(victim.id(), "victim-ledger@example.org", "t"));
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    for (String username : List.of(attacker.admin(), tenants.account(attacker, Role.BILLING_ADMIN))) {
      var me = user(accounts.loadUserByUsername(username));
      MockHttpServletResponse page = mvc.perform(get("/billing/notifications").with(me)).andReturn().getResponse();
      assertThat(page.getContentAsString()).doesNotContain("victim-ledger@example.org").doesNotContain(recipient.id().toString());
      mvc.perform(post("/billing/notifications/recipients/" + recipient.id() + "/remove").with(me).with(csrf()));
      for (String path : List.of("/operator/sent-emails", "/operator/sent-emails/" + victim.id() + "/" + recipient.id())) {
        assertThat(mvc.perform(get(path).with(me)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  // Issue 16 (billing): begin
  /** An invoice's details page: another organisation's invoice id is 404, and nothing of it shows anywhere. */
  @Test
  void the_invoice_pages_never_show_another_organisations_invoice() throws Exception {
    Given victim = tenants.tenant(0);
    tenants.subscription(victim, 2, 0);
    String invoice = billing.invoices(victim.id()).get(0).id().toString();
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    for (String username : List.of(attacker.admin(), tenants.account(attacker, Role.READER))) {
      var me = user(accounts.loadUserByUsername(username));
      MockHttpServletResponse details = mvc.perform(get("/billing/invoices/" + invoice).with(me)).andReturn().getResponse();
      assertThat(details.getStatus()).isEqualTo(404);
      assertThat(details.getContentAsString()).doesNotContain(invoice);
      for (String list : List.of("/billing/invoices", "/billing/invoices?status=OPEN", "/billing/invoices?number=INV")) {
        assertThat(mvc.perform(get(list).with(me)).andReturn().getResponse().getContentAsString()).as(list).doesNotContain(invoice);
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }
  // Issue 16 (billing): end

  // Issue 15: API keys
  /**
   * API key pages: another organisation's Global admin sees none of this one's keys and can neither
   * open nor revoke one; the operator's key pages refuse every organisation account, and the
   * operator's keys never show on an organisation's page.
   */
  @Test
  void the_api_key_pages_never_reach_another_organisation_or_the_operators_keys() throws Exception {
    Given victim = tenants.tenant(0);
    CreatedApiKey victimKey = apiKeys.create(new NewApiKey(victim.id(), "victim's script", Role.READER, null), "t");
    CreatedApiKey operatorKey = apiKeys.create(new NewApiKey(null, "operator script", Role.OPERATOR, null), "t");
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    var me = user(accounts.loadUserByUsername(attacker.admin()));
    String list = mvc.perform(get("/settings/api-keys").with(me)).andReturn().getResponse().getContentAsString();
    for (CreatedApiKey other : List.of(victimKey, operatorKey)) {
      assertThat(list).doesNotContain(other.id().toString()).doesNotContain(other.prefix());
      MockHttpServletResponse confirm = mvc.perform(get("/settings/api-keys/" + other.id() + "/revoke").with(me))
          .andReturn().getResponse();
      assertThat(confirm.getStatus()).isNotEqualTo(200);
      assertThat(confirm.getContentAsString()).doesNotContain(other.prefix());
      mvc.perform(post("/settings/api-keys/" + other.id() + "/revoke").with(me).with(csrf()));
      mvc.perform(post("/operator/api-keys/" + other.id() + "/revoke").with(me).with(csrf()));
    }
    for (String path : List.of("/operator/api-keys", "/operator/api-keys/" + operatorKey.id() + "/revoke")) {
      assertThat(mvc.perform(get(path).with(me)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
    }
    assertThat(mvc.perform(get("/settings/api-keys").with(user(accounts.loadUserByUsername(tenants.account(attacker, Role.BILLING_ADMIN)))))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
    assertThat(apiKeys.get(org.billingcenter.apikey.ApiKeyOwner.OPERATOR, operatorKey.id()).revokedAt()).isNull();
    apiKeys.revoke(org.billingcenter.apikey.ApiKeyOwner.OPERATOR, operatorKey.id(), "t"); // leaves nothing usable behind
  }

  // Issue 16 (exports)
  /**
   * The CSV exports and the order history, API and pages, with a year's range and the victim's
   * subscription as a filter: another organisation's accounts and keys get only their own (empty) data.
   */
  @Test
  void the_exports_and_the_order_history_never_reach_another_organisation() throws Exception {
    Given victim = tenants.tenant(1);
    Subscription victimSub = tenants.subscription(victim, 3, 1);
    subscriptions.setAutoRenew(victim.id(), victimSub.id(), false, "victim-actor");
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    List<Caller> callers = List.of(account(attacker.admin()), account(tenants.account(attacker, Role.READER)),
        key(attacker, Role.BILLING_ADMIN));
    String year = "?from=2026-01-01&to=2026-12-31";
    for (Caller caller : callers) {
      for (String path : List.of("/api/v1/exports/invoices.csv" + year, "/api/v1/exports/invoice-lines.csv" + year,
          "/api/v1/exports/credits.csv" + year, "/api/v1/order-history?subscription=" + victimSub.id(),
          "/api/v1/order-history", "/billing/exports/invoice-lines.csv" + year, "/billing/order-history")) {
        if (path.startsWith("/billing") && caller.name().contains(" key)")) {
          continue; // API keys are for the API
        }
        String answer = mvc.perform(get(path).with(caller.as())).andReturn().getResponse().getContentAsString();
        assertThat(answer).as(caller.name() + " " + path).doesNotContain(victimSub.id().toString())
            .doesNotContain(victim.admin()).doesNotContain("victim-actor");
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  // Issue 17 catalog: begin
  /**
   * The operator's catalog console (pages and API) refuses every organisation role and a support
   * engineer: nobody but the operator changes a price or retires a plan, and their tries change nothing.
   */
  @Test
  void the_catalog_console_is_the_operators_alone() throws Exception {
    Given organisation = tenants.tenant(0);
    String plan = org.billingcenter.testing.TestTenants.MONTHLY_PLAN;
    String support = "support-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(t -> accounts.createOperatorAccount(new org.billingcenter.account.AdminAccount(
        support, null, "Support", java.util.Set.of(Role.SUPPORT_ENGINEER), null), "Quiet-Harbor-Lantern-42"));
    List<String> users = new ArrayList<>(List.of(organisation.admin(), support));
    for (Role role : List.of(Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      users.add(tenants.account(organisation, role));
    }
    String prices = "select count(*) from plan_price where plan_id = '" + plan + "'";
    long before = jdbc.sql(prices).query(Long.class).single();
    String newPrice = "{\"unitPriceMinor\":1,\"effectiveFrom\":\"2027-01-01\"}";
    for (String username : users) {
      var me = user(accounts.loadUserByUsername(username));
      for (String path : List.of("/operator/catalog", "/operator/catalog/" + plan + "/price",
          "/operator/catalog/" + plan + "/price/preview?unitPriceMinor=1&effectiveFrom=2027-01-01",
          "/operator/catalog/" + plan + "/retirement", "/api/v1/operator/plans",
          "/api/v1/operator/plans/" + plan + "/prices/preview?unitPriceMinor=1&effectiveFrom=2027-01-01")) {
        assertThat(mvc.perform(get(path).with(me)).andReturn().getResponse().getStatus()).as(username + " " + path).isEqualTo(403);
      }
      for (String path : List.of("/operator/catalog/" + plan + "/price?unitPriceMinor=1&effectiveFrom=2027-01-01",
          "/operator/catalog/" + plan + "/retirement?status=RETIRED", "/operator/catalog/" + plan + "/retirement?status=ON_SALE")) {
        assertThat(mvc.perform(post(path).with(me).with(csrf())).andReturn().getResponse().getStatus())
            .as(username + " " + path).isEqualTo(403);
      }
      for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.DELETE)) {
        assertThat(mvc.perform(request(method, "/api/v1/operator/plans/" + plan + "/retirement").with(me))
            .andReturn().getResponse().getStatus()).as(username + " " + method + " retirement").isEqualTo(403);
      }
      assertThat(mvc.perform(post("/api/v1/operator/plans/" + plan + "/prices").with(me)
              .contentType(MediaType.APPLICATION_JSON).content(newPrice))
          .andReturn().getResponse().getStatus()).as(username + " prices").isEqualTo(403);
    }
    assertThat(jdbc.sql(prices).query(Long.class).single()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from plan where plan_id = :p and retired_at is null").param("p", plan)
        .query(Long.class).single()).isEqualTo(1);
  }
  // Issue 17 catalog: end
}
