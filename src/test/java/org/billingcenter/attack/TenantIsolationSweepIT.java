package org.billingcenter.attack;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder; // Issue 17 organisations

import org.billingcenter.shared.TenantId; // Issue 17 organisations

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
  @Autowired org.billingcenter.audit.AuditLog auditLog; // Issue 17 audit

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
  @Autowired org.billingcenter.tenant.TenantService tenantService; // Issue 18 methods

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
    // Issue 18 methods: begin — the name on the victim's card
    tenantService.updatePaymentMethod(victim.id(), victim.card(), 12, 2035, "Victim Cardholder", "t");
    victimIds.add("Victim Cardholder");
    // Issue 18 methods: end
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
         "query":"","since":"2026-01-01T00:00:00Z","roles":["READER"],"replacementId":"%s","holderName":"X"}
        """.formatted(victimSub.id(), victim.members().get(0), victim.card(), victim.card()); // Issue 18 methods: replacementId, holderName

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
                : op.path().startsWith("/api/v1/payment-methods") ? victim.card().toString() // Issue 18 methods
                : victimSub.id().toString());
        // Issue 18 methods: begin — the replacement preview names the other method in its query
        if (op.method() == HttpMethod.GET && op.path().equals("/api/v1/payment-methods/{id}/replacement")) {
          path += "?with=" + victim.card();
        }
        // Issue 18 methods: end
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
    for (String path : List.of("/api/v1/support/callback-requests", "/api/v1/operator/billing-runs", "/api/v1/tenants",
        "/api/v1/operator/tenants/" + victim.id() + "/invoices/" + invoice + "/void")) { // Issue 16 (void)
      MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_JSON).content(body)
          .with(user(accounts.loadUserByUsername(attacker.admin())))).andReturn().getResponse();
      assertThat(response.getStatus()).as(path).isEqualTo(403);
    }
    // Issue 16 (void): begin — the operator's invoice pages refuse every organisation account
    for (Caller caller : accountsToTry.subList(0, 4)) {
      String page = "/operator/organisations/" + victim.id() + "/invoices/" + invoice;
      assertThat(mvc.perform(get(page).with(caller.as())).andReturn().getResponse().getStatus()).as(page).isEqualTo(403);
      assertThat(mvc.perform(post(page + "/void").with(csrf()).param("reason", "x").with(caller.as()))
          .andReturn().getResponse().getStatus()).as(page).isEqualTo(403);
    }
    // Issue 16 (void): end
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
            .replace("{tenantId}", org.id().toString())
            .replaceAll("\\{[A-Za-z]+\\}", s.id().toString()); // any other id (e.g. {invoiceId}): refused by role first
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

  // Issue 17 audit: begin
  /**
   * Audit: another organisation's Global admin (account or key) never sees this one's events, whatever
   * the filter (even its id as tenantId, or its name), on the page, the API or the CSV; every
   * organisation account and key is refused the operator's audit search, charts and metrics.
   */
  @Test
  void the_audit_search_never_shows_another_organisations_events_and_the_operators_views_refuse_organisations()
      throws Exception {
    Given victim = tenants.tenant(1);
    Subscription victimSub = tenants.subscription(victim, 2, 1);
    String secret = "victim-audit-" + java.util.UUID.randomUUID();
    transaction.executeWithoutResult(t -> auditLog.record(victim.id(), secret,
        org.billingcenter.audit.AuditLog.Change.of("SUBSCRIPTION_CANCELLED", "subscription", victimSub.id()).because(secret)));
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    List<Caller> callers = new ArrayList<>(List.of(account(attacker.admin()), key(attacker, Role.GLOBAL_ADMIN)));
    for (Role role : List.of(Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      callers.add(account(tenants.account(attacker, role)));
      callers.add(key(attacker, role));
    }
    String victimName = jdbc.sql("select name from tenant where tenant_id = :t").param("t", victim.id().value())
        .query(String.class).single();
    for (Caller caller : callers) {
      for (String path : List.of("/settings/audit", "/settings/audit?actor=" + secret, "/settings/audit.csv",
          "/settings/audit.csv?action=SUBSCRIPTION_CANCELLED", "/api/v1/audit-events?actor=" + secret, "/api/v1/audit-events.csv",
          "/api/v1/audit-events?action=SUBSCRIPTION_CANCELLED&size=200")) {
        MockHttpServletResponse response = mvc.perform(get(path).with(caller.as())).andReturn().getResponse();
        String answer = response.getContentAsString();
        if (String.valueOf(response.getContentType()).startsWith("text/html")) {
          // The filter form and the language links repeat what the attacker typed (the secret, as a
          // guessed actor): what the page lists is what counts.
          org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer);
          page.select("main form").remove();
          answer = page.select("main").outerHtml();
        }
        assertThat(answer).as(caller.name() + " " + path).doesNotContain(secret).doesNotContain(victimSub.id().toString())
            .doesNotContain(victim.id().toString()).doesNotContain(victimName);
      }
      for (String path : List.of("/operator/audit", "/operator/audit.csv?tenantId=" + victim.id(), "/operator/charts",
          "/api/v1/operator/audit-events?tenantId=" + victim.id(), "/api/v1/operator/audit-events.csv",
          "/api/v1/operator/metrics/mrr", "/api/v1/operator/metrics/cancellations", "/api/v1/operator/metrics/callbacks")) {
        MockHttpServletResponse response = mvc.perform(get(path).with(caller.as())).andReturn().getResponse();
        // A page refuses a Bearer key by sending it to sign in (302); accounts get 403.
        assertThat(response.getStatus()).as(caller.name() + " " + path).isIn(302, 401, 403);
        assertThat(response.getContentAsString()).as(caller.name() + " " + path).doesNotContain(secret);
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }
  // Issue 17 audit: end

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
        MockHttpServletResponse response = mvc.perform(get(path).with(caller.as())).andReturn().getResponse();
        String answer = response.getContentAsString();
        if (String.valueOf(response.getContentType()).startsWith("text/html")) {
          // The filter form and the language links repeat what the attacker typed (the secret, as a
          // guessed actor): what the page lists is what counts.
          org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer);
          page.select("main form").remove();
          answer = page.select("main").outerHtml();
        }
        assertThat(answer).as(caller.name() + " " + path).doesNotContain(victimSub.id().toString())
            .doesNotContain(victim.admin()).doesNotContain("victim-actor");
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  // Issue 17 organisations: begin
  /**
   * The operator's organisations console, API and pages: every organisation account and key is
   * refused (403) whatever organisation it names, reads nothing of it, suspends nothing, opens nothing.
   */
  @Test
  void the_operators_organisations_console_refuses_every_organisation_account_and_key() throws Exception {
    Given victim = tenants.tenant(1);
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    List<Caller> callers = List.of(account(attacker.admin()), account(tenants.account(attacker, Role.BILLING_ADMIN)),
        account(tenants.account(attacker, Role.READER)), key(attacker, Role.GLOBAL_ADMIN));
    String reason = "{\"reason\":\"sweep\"}";
    for (Caller caller : callers) {
      boolean viaKey = caller.name().contains(" key)");
      for (TenantId target : List.of(victim.id(), attacker.id())) {
        String api = "/api/v1/operator/tenants/" + target;
        String page = "/operator/organisations/" + target;
        List<MockHttpServletRequestBuilder> calls = new ArrayList<>(List.of(
            get("/api/v1/operator/tenants?query=" + victim.id()), get(api),
            post(api + "/suspension").contentType(MediaType.APPLICATION_JSON).content(reason),
            request(HttpMethod.DELETE, api + "/suspension").contentType(MediaType.APPLICATION_JSON).content(reason)));
        if (!viaKey) { // API keys are for the API
          calls.addAll(List.of(get("/operator/organisations?query=" + victim.id()), get(page), get(page + "/suspend"),
              post(page + "/suspend").param("reason", "sweep").with(csrf()),
              post(page + "/resume").param("reason", "sweep").with(csrf()),
              post("/operator/organisations").with(csrf()).param("name", "Sweep").param("country", "FR")
                  .param("currency", "EUR").param("locale", "fr-FR").param("timeZone", "Europe/Paris")
                  .param("adminName", "X").param("adminEmail", "sweep@example.org")));
        }
        for (MockHttpServletRequestBuilder call : calls) {
          MockHttpServletResponse response = mvc.perform(call.with(caller.as())).andReturn().getResponse();
          assertThat(response.getStatus()).as(caller.name() + " " + call).isEqualTo(403);
          assertThat(response.getContentAsString()).doesNotContain(victim.admin()).doesNotContain("Test Org");
        }
      }
    }
    assertThat(jdbc.sql("select count(*) from tenant_suspension where tenant_id in (:t)")
        .param("t", List.of(victim.id().value(), attacker.id().value())).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from tenant where name = 'Sweep'").query(Long.class).single()).isZero();
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }
  // Issue 17 organisations: end
  // Issue 17 support: begin
  /**
   * The support console's pages refuse every organisation account, and a support engineer without
   * a claimed request cannot act on an organisation through any assisted action, API or page,
   * unless he gives an override reason: nothing of the victim changes.
   */
  @Test
  void the_support_console_refuses_organisations_and_acts_only_on_a_claimed_request() throws Exception {
    Given victim = tenants.tenant(2);
    Subscription victimSub = tenants.subscription(victim, 3, 2);
    var asked = callbacks.request(victim.id(), new CallbackService.NewCallback(victimSub.id(), "V", "+33123456789", "en",
        "x"), victim.admin());
    String engineer = "sweep-eng-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(t -> accounts.createOperatorAccount(new org.billingcenter.account.AdminAccount(
        engineer, null, "Sweep", java.util.Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
    String base = "/support/" + victim.id() + "/" + asked.id();
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    for (String username : List.of(attacker.admin(), tenants.account(attacker, Role.BILLING_ADMIN))) {
      var me = user(accounts.loadUserByUsername(username));
      for (String page : List.of("/support", base, base + "/organisation", base + "/licenses?quantity=1",
          base + "/cancel")) {
        MockHttpServletResponse response = mvc.perform(get(page).with(me)).andReturn().getResponse();
        assertThat(response.getStatus()).as(page).isEqualTo(403);
        assertThat(response.getContentAsString()).as(page).doesNotContain(asked.id().toString());
      }
      for (String action : List.of(base + "/claim", base + "/release", base + "/notes", base + "/retained",
          base + "/licenses", base + "/cancel", base + "/cancel/review")) {
        assertThat(mvc.perform(post(action).with(me).with(csrf()).param("note", "n").param("quantity", "1")
            .param("confirmed", "true").param("reason", "OTHER").param("text", "t")).andReturn().getResponse().getStatus())
            .as(action).isEqualTo(403);
      }
    }
    var support = user(accounts.loadUserByUsername(engineer));
    String api = "/api/v1/support/tenants/" + victim.id() + "/subscriptions/" + victimSub.id();
    for (String path : List.of(api + "/cancellation", api + "/license-removal")) {
      MockHttpServletResponse refused = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
          .content("{\"when\":\"NOW\",\"reason\":\"OTHER\",\"note\":\"n\",\"quantity\":1}").with(support))
          .andReturn().getResponse();
      assertThat(refused.getStatus()).as(path).isEqualTo(403);
      assertThat(refused.getContentAsString()).as(path).contains("NO_CLAIMED_REQUEST");
    }
    mvc.perform(post(base + "/cancel").with(support).with(csrf()).param("when", "NOW").param("note", "n")
        .param("confirmed", "true"));
    mvc.perform(post(base + "/licenses").with(support).with(csrf()).param("quantity", "2").param("note", "n")
        .param("confirmed", "true"));
    mvc.perform(post(base + "/retained").with(support).with(csrf()).param("reason", "OTHER").param("text", "t"));
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }
  // Issue 17 support: end
  // Issue 17 runs: begin
  /**
   * The billing runs console and Service health are the operator's: every organisation account and
   * key is refused (403) on their pages and API, GETs included (the filter chain lets any signed-in
   * caller GET /api/**), and a refused start records no run.
   */
  @Test
  void the_billing_runs_and_health_pages_and_api_refuse_every_organisation_account_and_key() throws Exception {
    Given org = tenants.tenant(0);
    String runs = "select count(*) from billing_run_log";
    long before = jdbc.sql(runs).query(Long.class).single();
    List<Caller> callers = new java.util.ArrayList<>();
    for (Role role : List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      callers.add(role == Role.GLOBAL_ADMIN ? account(org.admin()) : account(tenants.account(org, role)));
      callers.add(key(org, role));
    }
    for (Caller caller : callers) {
      boolean key = caller.name().contains(" key)");
      for (String path : List.of("/api/v1/operator/billing-runs", "/api/v1/operator/billing-runs/" + java.util.UUID.randomUUID(),
          "/api/v1/operator/health", "/operator/billing-runs", "/operator/billing-runs?run=" + java.util.UUID.randomUUID(),
          "/operator/health", "/operator/billing-runs/check?date=2026-03-10")) {
        if (key && !path.startsWith("/api")) {
          continue; // API keys are for the API
        }
        assertThat(mvc.perform(get(path).with(caller.as())).andReturn().getResponse().getStatus())
            .as(caller.name() + " " + path).isEqualTo(403);
      }
      if (!key) {
        for (String path : List.of("/operator/billing-runs/start")) {
          assertThat(mvc.perform(post(path).param("date", "2026-03-10").with(caller.as()).with(csrf()))
              .andReturn().getResponse().getStatus()).as(caller.name() + " " + path).isEqualTo(403);
        }
      }
      assertThat(mvc.perform(post("/api/v1/operator/billing-runs").contentType(MediaType.APPLICATION_JSON)
          .content("{\"date\":\"2026-03-10\"}").with(caller.as())).andReturn().getResponse().getStatus())
          .as(caller.name()).isEqualTo(403);
    }
    assertThat(jdbc.sql(runs).query(Long.class).single()).isEqualTo(before);
  }
  // Issue 17 runs: end
  // Issue 18 receivables: begin
  /**
   * The receivables view (overdue money of every organisation) is the operator's: every organisation
   * account and key is refused (403) on its page and its three API reads, whatever the query.
   */
  @Test
  void the_receivables_view_refuses_every_organisation_account_and_key() throws Exception {
    Given org = tenants.tenant(0);
    List<Caller> callers = new java.util.ArrayList<>();
    for (Role role : List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      callers.add(role == Role.GLOBAL_ADMIN ? account(org.admin()) : account(tenants.account(org, role)));
      callers.add(key(org, role));
    }
    for (Caller caller : callers) {
      boolean key = caller.name().contains(" key)");
      for (String path : List.of("/api/v1/operator/receivables", "/api/v1/operator/receivables/organisations?q=Test",
          "/api/v1/operator/receivables/months?months=12", "/api/v1/operator/receivables/failed-refunds",
          "/operator/receivables", "/operator/receivables?q=Test&page=2", "/operator/receivables?refundsPage=2")) {
        if (key && !path.startsWith("/api")) {
          continue; // API keys are for the API
        }
        assertThat(mvc.perform(get(path).with(caller.as())).andReturn().getResponse().getStatus())
            .as(caller.name() + " " + path).isEqualTo(403);
      }
    }
  }
  // Issue 18 receivables: end
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
  // Issue 18 balance: begin
  @Autowired org.springframework.context.ApplicationContext context;

  /**
   * Another organisation's balance pages show none of this one's overdue invoice or cards, refuse
   * its invoice's attempts (404) and cannot pay with its card; the API's endpoints are in the
   * sweep above (the invoice id is this one's in /api/v1/invoices/{id}/payment-attempts).
   */
  @Test
  void the_balance_pages_never_show_or_pay_with_another_organisations_invoices_or_cards() throws Exception {
    Given victim = tenants.tenant(0);
    var overdue = org.billingcenter.testing.Overdue.of(context, victim, 2, java.time.LocalDate.of(2026, 3, 10));
    String number = billing.document(victim.id(), overdue.invoice()).number();
    List<String> victimIds = List.of(overdue.invoice().toString(), number, overdue.card().toString(), victim.card().toString());
    String before = TenantFingerprint.of(jdbc, victim.id());
    Given attacker = tenants.tenant(0);
    for (String username : List.of(attacker.admin(), tenants.account(attacker, Role.BILLING_ADMIN), tenants.account(attacker, Role.READER))) {
      var as = user(accounts.loadUserByUsername(username));
      List<MockHttpServletResponse> answers = new ArrayList<>();
      answers.add(mvc.perform(get("/billing/balance").with(as)).andReturn().getResponse());
      answers.add(mvc.perform(get("/billing/balance/banner").with(as)).andReturn().getResponse());
      MockHttpServletResponse attempts = mvc.perform(get("/billing/invoices/" + overdue.invoice() + "/payment-attempts").with(as))
          .andReturn().getResponse();
      assertThat(attempts.getStatus()).as(username + " attempts").isEqualTo(404);
      answers.add(attempts);
      for (String card : List.of(overdue.card().toString(), victim.card().toString())) {
        MockHttpServletResponse review = mvc.perform(post("/billing/balance/review").param("paymentMethodId", card).with(csrf()).with(as))
            .andReturn().getResponse();
        assertThat(review.getStatus()).as(username + " review").isIn(302, 403);
        answers.add(review);
        MockHttpServletResponse pay = mvc.perform(post("/billing/balance").param("paymentMethodId", card).param("expectedMinor", "2000")
            .param("confirmed", "true").with(csrf()).with(as)).andReturn().getResponse();
        assertThat(pay.getStatus()).as(username + " pay").isIn(302, 403);
        assertThat(String.valueOf(pay.getRedirectedUrl())).as(username + " pay").doesNotContain("/billing/balance/done");
        answers.add(pay);
      }
      assertThat(answers.get(1).getContentAsString()).as(username + " banner").isEmpty();
      for (MockHttpServletResponse answer : answers) {
        for (String id : victimIds) {
          assertThat(answer.getContentAsString()).as(username).doesNotContain(id);
        }
      }
    }
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }
  // Issue 18 balance: end
}
