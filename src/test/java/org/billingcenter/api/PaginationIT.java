package org.billingcenter.api;

import org.billingcenter.session.SessionOwner; // Issue 15 sessions
import org.billingcenter.session.SessionService; // Issue 15 sessions
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.support.CallbackService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.PagedLists;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
// Issue 15: API keys (imports)
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.webhook.NewWebhookEndpoint;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookFixtures;
import org.billingcenter.webhook.WebhookService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every list of the API and the pages is paged the same way: found from the OpenAPI document (each
 * GET that answers an array, or that takes {@code page}), filled with 120 items, then read page by
 * page: 50 by default, {@code X-Total-Count}, {@code Link} first/prev/next/last, 20 on page 3, and
 * {@code page=0} or {@code size=201} refused with 400 INVALID_PAGE.
 */
class PaginationIT extends DatabaseIT {

  static final int ITEMS = 120;

  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;
  @Autowired CatalogService catalog;
  @Autowired CancellationService cancellations;
  @Autowired CallbackService callbacks;
  @Autowired BillingRunService runs;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired NotificationService notifications;
  @Autowired WebhookService webhooks;
  @Autowired ApiKeyService apiKeys; // Issue 15: API keys
  @Autowired Outbox outbox;
  @Autowired SessionService sessions; // Issue 15 sessions

  /** Built once for the class: 120 of everything (the database is shared, the tenants are new). */
  record Lists(Given many, Given dated, Subscription seats, String engineer, UUID hook, Given quiet, Given staff) {}

  private static Lists lists;
  private static String operator; // Issue 17 organisations

  /** Where a list's items are in its answer, who may read it and how long it is. */
  record Fixture(String path, RequestPostProcessor caller, String items, LongSupplier total) {}

  @BeforeEach
  void oneHundredTwentyOfEverything() {
    if (lists == null) {
      lists = build();
    }
  }

  /**
   * "many": 120 members, cards, subscriptions (each cancelled with a credit, which a billing run
   * then refunds) and callback requests; "dated": 120 invoices (a purchase a day), the first
   * purchase with 120 seats; and 120 more plans in the catalog.
   */
  private Lists build() {
    Given many = tenants.tenant(ITEMS);
    // The 120 additional recipients belong to an organisation with nothing to mail about: on "many",
    // each of its 120 cancellations would queue a mail to each of them (14,400 deliveries) for the
    // tests after this one to send.
    Given quiet = tenants.tenant(0);
    for (int i = 0; i < ITEMS; i++) {
      String address = "recipient-" + i + "@quiet.example";
      transaction.executeWithoutResult(t -> notifications.addRecipient(quiet.id(), address, "t"));
    }
    for (int i = 1; i < ITEMS; i++) {
      tenantService.addPaymentMethod(many.id(), new NewPaymentMethod("tok_" + i, "Visa", "4242", 12, 2035), "t");
    }
    List<Subscription> bought = IntStream.range(0, ITEMS).mapToObj(i -> tenants.subscription(many, 1, 0)).toList();
    Canceller admin = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);
    for (Subscription s : bought) {
      cancellations.cancel(many.id(), s.id(), admin, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
      callbacks.request(many.id(), new CallbackService.NewCallback(s.id(), "Nora", "+33123456789", "fr", "any time"), "t");
    }
    clock.set(Instant.parse("2026-04-10T10:00:00Z")); // the credits' return date: each becomes a refund
    runs.run(LocalDate.of(2026, 4, 10));

    clock.set(START);
    Given dated = tenants.tenant(ITEMS);
    Subscription seats = tenants.subscription(dated, ITEMS, ITEMS);
    tenantService.addMembers(dated.id(), IntStream.range(0, ITEMS) // the seats' candidates: members without one
        .mapToObj(i -> new TenantService.NewMember("Candidate " + i, "candidate." + i + "@dated.example")).toList(), "t");
    for (int day = 1; day < ITEMS; day++) {
      clock.advance(Duration.ofDays(1));
      tenants.subscription(dated, 1, 0);
    }
    clock.set(START);

    String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    for (int i = 0; i < ITEMS; i++) {
      catalog.addPlan(new Plan(prefix + i, prefix + "product", "Paging " + i, Money.of(100, "EUR"),
          BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
    }
    String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(engineer, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
    // 120 webhook endpoints (turned off: they get nothing from other tests' events) and 120 failed
    // deliveries in the first one's log.
    WebhookFixtures hooks = new WebhookFixtures(outbox, jdbc, clock, transaction);
    List<UUID> endpoints = IntStream.range(0, ITEMS).mapToObj(i -> webhooks.register(Owner.of(many.id()),
        new NewWebhookEndpoint("https://93.184.215.14/page-" + i, List.of("trial.will_end"), null), "t")
        .endpoint().id()).toList();
    endpoints.forEach(hooks::disable);
    for (int i = 0; i < ITEMS; i++) {
      hooks.failedDelivery(many.id(), endpoints.get(0));
    }
    // Issue 15: API keys. 120 keys of "many" (Readers: nobody uses them).
    for (int i = 0; i < ITEMS; i++) {
      apiKeys.create(new NewApiKey(many.id(), "page-" + i, Role.READER, null), "t");
    }
    // Issue 15 sessions (begin): 120 signed-in sessions of the organisation
    for (int i = 0; i < ITEMS; i++) {
      sessions.register(SessionOwner.of(many.id()), many.admin(), "203.0.113." + (i % 250),
          "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
    }
    // Issue 15 sessions (end)
    // Issue 17 organisations: begin — 120 more organisations (rows only) and an operator who lists them
    for (int i = 0; i < ITEMS; i++) {
      jdbc.sql("""
              insert into tenant (tenant_id, name, country, locale, time_zone, currency, created_at)
              values (:t, :name, 'FR', 'fr-FR', 'Europe/Paris', 'EUR', :at)""")
          .param("t", UUID.randomUUID()).param("name", "Paging org " + i)
          .param("at", java.time.OffsetDateTime.parse("2026-03-10T10:00:00Z")).update();
    }
    // Issue 18 receivables: begin — 120 organisations behind on one declined invoice each (rows only)
    for (int i = 0; i < ITEMS; i++) {
      UUID tenant = UUID.randomUUID();
      UUID invoice = UUID.randomUUID();
      java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-03-10T10:00:00Z");
      jdbc.sql("""
              insert into tenant (tenant_id, name, country, locale, time_zone, currency, created_at)
              values (:t, :name, 'FR', 'fr-FR', 'Europe/Paris', 'EUR', :at)""")
          .param("t", tenant).param("name", "Overdue paging org " + i).param("at", at).update();
      jdbc.sql("""
              insert into invoice (tenant_id, invoice_id, invoice_date, due_date, currency, total_minor, kind, created_at,
                                   finalized_at)
              values (:t, :i, :day, :day, 'EUR', 1000, 'INVOICE', :at, :at)""")
          .param("t", tenant).param("i", invoice).param("day", LocalDate.of(2026, 3, 10)).param("at", at).update();
      jdbc.sql("""
              insert into payment_attempt (tenant_id, attempt_id, invoice_id, attempt_no, trigger_kind, amount_minor,
                                           currency, idempotency_key, status, outcome_code, actor, created_at, finished_at)
              values (:t, :a, :i, 1, 'INVOICE', 1000, 'EUR', :key, 'DECLINED', 'card_declined', 'pagination-it', :at, :at)""")
          .param("t", tenant).param("a", UUID.randomUUID()).param("i", invoice).param("key", "pagination_" + invoice)
          .param("at", at).update();
      // and a refund the provider refused (the failed-refunds list)
      jdbc.sql("""
              insert into refund (tenant_id, refund_id, invoice_id, amount_minor, currency, status, idempotency_key,
                                  outcome_code, created_at, finished_at)
              values (:t, :r, :i, 100, 'EUR', 'FAILED', :key, 'refund_failed', :at, :at)""")
          .param("t", tenant).param("r", UUID.randomUUID()).param("i", invoice).param("key", "pagination_refund_" + invoice)
          .param("at", at).update();
    }
    // Issue 18 receivables: end
    operator = "page-op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    // Issue 17 organisations: end
    return new Lists(many, dated, seats, engineer, endpoints.get(0), quiet, staff());
  }

  /**
   * Issue 15 (admins): an organisation with 120 more admins and 120 pending invitations, written
   * straight into the tables (no password hashing, no invitation mails for later tests to send).
   */
  private Given staff() {
    Given staff = tenants.tenant(0);
    for (int i = 0; i < ITEMS; i++) {
      String username = "staff-" + i + "-" + staff.id().value().toString().substring(0, 8);
      jdbc.sql("""
              insert into admin_account (username, tenant_id, display_name, password_hash, enabled, created_at)
              values (:u, :t, :u, 'not-a-hash', true, :at)""")
          .param("u", username).param("t", staff.id().value())
          .param("at", java.time.OffsetDateTime.parse("2026-03-10T10:00:00Z")).update();
      jdbc.sql("insert into admin_account_role (username, role) values (:u, 'READER')").param("u", username).update();
      jdbc.sql("""
              insert into access_token (tenant_id, token_id, purpose, token_hash, email, display_name, roles,
                                        created_by, created_at, expires_at)
              values (:t, :id, 'INVITATION', :hash, :email, 'Invitee', 'READER', 't', :at, :expires)""")
          .param("t", staff.id().value()).param("id", UUID.randomUUID())
          .param("hash", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""))
          .param("email", "invitee-" + i + "@staff.example")
          .param("at", java.time.OffsetDateTime.parse("2026-03-10T10:00:00Z").plusMinutes(i))
          .param("expires", java.time.OffsetDateTime.parse("2026-03-17T10:00:00Z").plusMinutes(i)).update();
    }
    return staff;
  }

  private Map<String, Fixture> fixtures() {
    RequestPostProcessor many = httpBasic(lists.many().admin(), lists.many().password());
    RequestPostProcessor dated = httpBasic(lists.dated().admin(), lists.dated().password());
    LongSupplier items = () -> ITEMS;
    Map<String, Fixture> all = new LinkedHashMap<>();
    for (Fixture f : List.of(
        new Fixture("/api/v1/subscriptions", many, "$", items),
        new Fixture("/api/v1/members", many, "$", items),
        new Fixture("/api/v1/payment-methods", many, "$", items),
        new Fixture("/api/v1/credits", many, "$", items),
        new Fixture("/api/v1/refunds", many, "$", items),
        new Fixture("/api/v1/callback-requests", many, "$", items),
        new Fixture("/api/v1/billing-notifications/recipients",
            httpBasic(lists.quiet().admin(), lists.quiet().password()), "$", items),
        new Fixture("/api/v1/webhook-endpoints", many, "$", items),
        new Fixture("/api/v1/api-keys", many, "$", items), // Issue 15: API keys
        // Issue 15 sessions: 120 and those the class's page requests registered (MockMvc's user() signs in)
        new Fixture("/api/v1/sessions", many, "$", () -> jdbc.sql("select count(*) from web_session where tenant_id = :t"
            + " and ended_at is null").param("t", lists.many().id().value()).query(Long.class).single()),
        // Issue 15 (admins): the organisation's first admin and 120 more; 120 invitations
        new Fixture("/api/v1/admins", httpBasic(lists.staff().admin(), lists.staff().password()), "$",
            () -> ITEMS + 1),
        new Fixture("/api/v1/admin-invitations", httpBasic(lists.staff().admin(), lists.staff().password()), "$",
            items),
        new Fixture("/api/v1/webhook-endpoints/" + lists.hook() + "/deliveries", many, "$", items),
        new Fixture("/api/v1/invoices", dated, "$", items),
        // Issue 16 (exports): "many"'s purchases, cancellations and credits, read from its audit trail
        new Fixture("/api/v1/order-history", many, "$", () -> jdbc.sql(
                "select count(*) from audit_event where tenant_id = :t and action in (:actions)")
            .param("t", lists.many().id().value())
            .param("actions", org.billingcenter.orderhistory.OrderHistoryActions.actions(Set.of()))
            .query(Long.class).single()),
        new Fixture("/api/v1/subscriptions/" + lists.seats().id() + "/licenses", dated, "$.memberIds", items),
        new Fixture("/api/v1/subscriptions/" + lists.seats().id() + "/license-candidates", dated, "$", items),
        new Fixture("/api/v1/plans", many, "$", () -> jdbc.sql("select count(*) from plan").query(Long.class).single()),
        // Issue 17 organisations: begin
        new Fixture("/api/v1/operator/tenants", httpBasic(operator, "op-password"), "$",
            () -> jdbc.sql("select count(*) from tenant").query(Long.class).single()),
        // Issue 17 organisations: end
        // Issue 17 runs, catalog, audit: begin — the operator's history, plans and audit search; a Global
        // admin's own audit events ("many" wrote at least one per member it added)
        new Fixture("/api/v1/operator/billing-runs", httpBasic(operator, "op-password"), "$", this::runLogs),
        new Fixture("/api/v1/operator/plans", httpBasic(operator, "op-password"), "$",
            () -> jdbc.sql("select count(*) from plan").query(Long.class).single()),
        new Fixture("/api/v1/operator/audit-events", httpBasic(operator, "op-password"), "$",
            () -> jdbc.sql("select count(*) from audit_event").query(Long.class).single()),
        new Fixture("/api/v1/audit-events", many, "$", () -> jdbc.sql(
            "select count(*) from audit_event where tenant_id = :t").param("t", lists.many().id().value())
            .query(Long.class).single()),
        // Issue 17 runs, catalog, audit: end
        // Issue 18 receivables: begin — organisations (and currencies) with an issued, unpaid, declined invoice
        new Fixture("/api/v1/operator/receivables/organisations", httpBasic(operator, "op-password"), "$",
            () -> jdbc.sql("""
                select count(*) from (select distinct i.tenant_id, i.currency from invoice i
                 where i.kind = 'INVOICE' and i.finalized_at is not null and i.voided_at is null and i.total_minor > 0
                   and exists (select 1 from payment_attempt a where a.tenant_id = i.tenant_id
                                 and a.invoice_id = i.invoice_id and a.status = 'DECLINED')
                   and not exists (select 1 from payment p where p.tenant_id = i.tenant_id and p.invoice_id = i.invoice_id
                                     and p.withdrawn_at is null and p.status <> 'FAILED')
                   and i.total_minor > coalesce((select sum(c.amount_minor) from credit_allocation c
                                 where c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id), 0)) o""")
                .query(Long.class).single()),
        new Fixture("/api/v1/operator/receivables/failed-refunds", httpBasic(operator, "op-password"), "$",
            () -> jdbc.sql("select count(*) from refund where status = 'FAILED'").query(Long.class).single()),
        // Issue 18 receivables: end
        new Fixture("/api/v1/support/callback-requests", httpBasic(lists.engineer(), "eng-password"), "$",
            () -> jdbc.sql("select count(*) from callback_request where status = 'NEW'").query(Long.class).single()))) {
      all.put(f.path(), f);
    }
    return all;
  }

  // Issue 17 runs: begin
  /**
   * 120 FAILED runs of days long past (a failed run refuses no day), removed after each test so the
   * other classes' histories start empty. Returns how many runs the history holds.
   */
  private long runLogs() {
    if (jdbc.sql("select count(*) from billing_run_log where started_by = 'pagination-it'").query(Long.class).single() == 0) {
      for (int i = 0; i < ITEMS; i++) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2001-01-01T12:00:00Z").plusDays(i);
        jdbc.sql("""
                insert into billing_run_log (run_id, run_day, node, started_by, status, started_at, updated_at,
                                             finished_at, failed_step, failure)
                values (:id, :day, 'pagination', 'pagination-it', 'FAILED', :at, :at, :at, 'BILLING', 'fixture')""")
            .param("id", UUID.randomUUID()).param("day", at.toLocalDate()).param("at", at).update();
      }
    }
    return jdbc.sql("select count(*) from billing_run_log").query(Long.class).single();
  }

  @org.junit.jupiter.api.AfterEach
  void noRunHistoryLeftBehind() {
    jdbc.sql("delete from billing_run_log where started_by = 'pagination-it'").update();
  }
  // Issue 17 runs: end

  /** The GET operations that list: they answer an array, or they take a page number. */
  private List<String> listOperations() throws Exception {
    String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
    List<String> lists = new ArrayList<>();
    for (String path : paths.keySet()) {
      if (!paths.get(path).containsKey("get")) {
        continue;
      }
      String op = "$.paths['" + path + "'].get";
      List<Object> arrays = JsonPath.read(doc, op + ".responses['200'].content.*.schema[?(@.type == 'array')]");
      // an operation without parameters has no "parameters" member at all
      boolean hasParameters = JsonPath.<java.util.Map<String, Object>>read(doc, op).containsKey("parameters");
      List<Object> paged = hasParameters ? JsonPath.read(doc, op + ".parameters[?(@.name == 'page')]") : List.of();
      if (!arrays.isEmpty() || !paged.isEmpty()) {
        lists.add(path);
        List<String> names = JsonPath.read(doc, op + ".parameters[*].name");
        assertThat(names).as(path).containsOnlyOnce("page", "size").doesNotContain("request", "pageRequest");
        assertThat(JsonPath.<List<Object>>read(doc, op + ".parameters[?(@.name == 'size')].schema.maximum"))
            .as(path).containsExactly(200);
        assertThat(JsonPath.<Map<String, Object>>read(doc, op + ".responses['200'].headers")).as(path)
            .containsKeys("X-Total-Count", "Link");
      }
    }
    return lists;
  }

  @Test
  void every_list_of_the_api_is_paged_with_a_total_and_links_and_bad_pages_are_refused() throws Exception {
    Map<String, Fixture> fixtures = fixtures();
    List<String> operations = listOperations();
    assertThat(operations).as("list operations found in the OpenAPI document").hasSizeGreaterThanOrEqualTo(10);
    for (String operation : operations) {
      String concrete = operation.replace("{id}",
          operation.startsWith("/api/v1/webhook-endpoints/") ? lists.hook().toString() : lists.seats().id().toString());
      Fixture fixture = fixtures.get(concrete);
      assertThat(fixture).as("a paging fixture for the list " + operation).isNotNull();
      pagedAsDesigned(fixture);
    }
  }

  private void pagedAsDesigned(Fixture f) throws Exception {
    long total = f.total().getAsLong();
    assertThat(total).as(f.path()).isGreaterThanOrEqualTo(ITEMS);
    int last = (int) ((total + 49) / 50);

    MockHttpServletResponse first = read(f, f.path());
    assertThat(items(f, first)).as(f.path() + " default page").hasSize(50);
    assertThat(first.getHeader("X-Total-Count")).as(f.path()).isEqualTo(String.valueOf(total));
    String link = first.getHeader("Link");
    assertThat(link).as(f.path())
        .contains("<" + f.path() + "?page=1&size=50>; rel=\"first\"")
        .contains("<" + f.path() + "?page=2&size=50>; rel=\"next\"")
        .contains("<" + f.path() + "?page=" + last + "&size=50>; rel=\"last\"")
        .doesNotContain("rel=\"prev\"");

    MockHttpServletResponse third = read(f, f.path() + "?page=3");
    assertThat(items(f, third)).as(f.path() + " page 3").hasSize(last == 3 ? (int) (total - 100) : 50);
    assertThat(third.getHeader("Link")).as(f.path()).contains("<" + f.path() + "?page=2&size=50>; rel=\"prev\"");

    // Following the links, in pages of 40, meets every item once: a stable, total order.
    List<Object> seen = new ArrayList<>();
    String next = f.path() + "?size=40";
    while (next != null) {
      MockHttpServletResponse page = read(f, next);
      seen.addAll(items(f, page));
      next = PagedLists.next(page.getHeader("Link"));
    }
    assertThat(seen).as(f.path() + " all pages").hasSize((int) total);
    assertThat(new HashSet<>(seen)).as(f.path() + " no item twice").hasSize((int) total);

    for (String bad : List.of("page=0", "size=201", "size=0", "page=-1", "page=abc", "size=1.5", "page=", "page=1&page=2",
        "size=99999999999")) {
      MockHttpServletResponse refused = mvc.perform(get(f.path() + "?" + bad).with(f.caller()).header("Accept-Language", "fr-FR"))
          .andReturn().getResponse();
      assertThat(refused.getStatus()).as(f.path() + "?" + bad).isEqualTo(400);
      assertThat(refused.getContentType()).as(f.path() + "?" + bad).startsWith("application/problem+json");
      assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.code")).isEqualTo("INVALID_PAGE");
      assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.detail")).contains("200").contains("page");
    }
  }

  @Test
  void the_other_query_parameters_stay_in_the_links_and_a_page_past_the_end_is_empty() throws Exception {
    RequestPostProcessor engineer = httpBasic(lists.engineer(), "eng-password");
    MockHttpServletResponse first = mvc.perform(get("/api/v1/support/callback-requests?status=NEW&size=7").with(engineer))
        .andReturn().getResponse();
    assertThat(first.getHeader("Link")).contains("</api/v1/support/callback-requests?status=NEW&page=2&size=7>; rel=\"next\"");
    RequestPostProcessor many = httpBasic(lists.many().admin(), lists.many().password());
    MockHttpServletResponse past = mvc.perform(get("/api/v1/members?page=9&size=50").with(many)).andReturn().getResponse();
    assertThat(past.getStatus()).isEqualTo(200);
    assertThat(past.getContentAsString()).isEqualTo("[]");
    assertThat(past.getHeader("X-Total-Count")).isEqualTo("120");
    assertThat(past.getHeader("Link")).contains("</api/v1/members?page=3&size=50>; rel=\"prev\"").doesNotContain("rel=\"next\"");
    MockHttpServletResponse found = mvc.perform(get("/api/v1/members?q=P1&size=5").with(many)).andReturn().getResponse();
    assertThat(found.getHeader("X-Total-Count")).as("p1@, p10@ to p19@, p100@ to p120@").isEqualTo("32");
    assertThat(found.getHeader("Link")).contains("</api/v1/members?q=P1&page=2&size=5>; rel=\"next\"");
    MockHttpServletResponse far = mvc.perform(get("/api/v1/members?page=2147483647&size=200").with(many)).andReturn().getResponse();
    assertThat(far.getStatus()).isEqualTo(200);
    assertThat(far.getContentAsString()).isEqualTo("[]");
  }

  @Test
  void a_paged_list_and_its_total_count_only_the_callers_organisation() throws Exception {
    Given other = tenants.tenant(0);
    RequestPostProcessor caller = httpBasic(other.admin(), other.password());
    for (String path : List.of("/api/v1/subscriptions", "/api/v1/members", "/api/v1/credits", "/api/v1/refunds",
        "/api/v1/callback-requests", "/api/v1/invoices")) {
      MockHttpServletResponse response = mvc.perform(get(path).with(caller)).andReturn().getResponse();
      assertThat(response.getContentAsString()).as(path).isEqualTo("[]");
      assertThat(response.getHeader("X-Total-Count")).as(path).isEqualTo("0");
    }
    assertThat(mvc.perform(get("/api/v1/payment-methods").with(caller)).andReturn().getResponse().getHeader("X-Total-Count"))
        .isEqualTo("1");
    assertThat(mvc.perform(get("/api/v1/subscriptions/" + lists.seats().id() + "/licenses?page=2").with(caller))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  private MockHttpServletResponse read(Fixture f, String url) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url).with(f.caller())).andReturn().getResponse();
    assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(200);
    return response;
  }

  private static List<Object> items(Fixture f, MockHttpServletResponse response) throws Exception {
    List<Object> items = JsonPath.read(response.getContentAsString(), f.items());
    // Issue 15 (admins): an admin is named by his username, not an id
    return items.stream().map(i -> i instanceof Map<?, ?> m ? (m.containsKey("id") ? m.get("id")
            // Issue 18 receivables: begin — a row without an id of its own (an organisation and currency) is itself
            : m.containsKey("username") ? m.get("username") : m)
            // Issue 18 receivables: end
            : i)
        .toList();
  }

  private String html(String url, String username, int status) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(status);
    return response.getContentAsString();
  }

  private static int count(String html, String marker) {
    return html.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
  }

  @Test
  void every_list_page_shows_one_page_at_a_time_with_the_same_pager() throws Exception {
    String many = lists.many().admin(); // a French organisation: its admin reads French
    String products = html("/billing/products", many, 200);
    assertThat(count(products, "data-subscription-id=")).isEqualTo(50);
    assertThat(products).contains("<nav class=\"pager\" aria-label=\"Produits – pages\">")
        .contains("Page 1 sur 3 · 120 au total")
        .contains("<a href=\"/billing/products?page=2&amp;size=50\" rel=\"next\">Page suivante</a>");
    String third = html("/billing/products?page=3", many, 200);
    assertThat(count(third, "data-subscription-id=")).isEqualTo(20);
    assertThat(third).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

    assertThat(count(html("/?page=2", many, 200), "data-subscription-id=")).isEqualTo(50);

    // Users & licenses pages its two lists apart: the holders (id m-...) and the candidates (c-...).
    String users = html("/users?subscription=" + lists.seats().id() + "&holdersPage=3", lists.dated().admin(), 200);
    assertThat(count(users, "id=\"m-")).isEqualTo(20);
    assertThat(count(users, "id=\"c-")).isEqualTo(50);
    assertThat(users).contains("Page 3 sur 3 · 120 au total").contains("Page 1 sur 3 · 120 au total")
        .contains("href=\"/users?subscription=" + lists.seats().id() + "&amp;holdersPage=2&amp;size=50\"")
        .contains("href=\"/users?subscription=" + lists.seats().id() + "&amp;holdersPage=3&amp;candidatesPage=2&amp;size=50\"");

    String members = html("/members?page=3", many, 200);
    assertThat(count(members, "data-member-id=")).isEqualTo(20);
    assertThat(members).contains("Page 3 sur 3 · 120 au total");
    String matching = html("/members?q=PERSON&page=2", many, 200); // all 120 are "Person n"
    assertThat(count(matching, "data-member-id=")).isEqualTo(50);
    assertThat(matching).contains("href=\"/members?q=PERSON&amp;page=3&amp;size=50\"");

    String invoices = html("/billing/invoices?invoicesPage=3", lists.dated().admin(), 200);
    assertThat(count(invoices, "class=\"invoice\"")).isEqualTo(20);
    String credits = html("/billing/invoices?creditsPage=2&refundsPage=3&size=50", many, 200);
    assertThat(credits).contains("Page 2 sur 3 · 120 au total").contains("Page 3 sur 3 · 120 au total")
        .contains("href=\"/billing/invoices?refundsPage=3&amp;creditsPage=3&amp;size=50\"");

    // Issue 16 (exports): the order history pages its entries, its filter kept in the links
    String history = html("/billing/order-history?type=CREDIT&page=3", many, 200);
    assertThat(count(history, "data-type=\"CREDIT\"")).isEqualTo(20);
    assertThat(history).contains("Page 3 sur 3 · 120 au total")
        .contains("href=\"/billing/order-history?type=CREDIT&amp;page=2&amp;size=50\"");

    // Issue 15 (admins): the Admins page pages its admins and its invitations apart
    String admins = html("/settings/admins?page=3&invitationsPage=2", lists.staff().admin(), 200);
    assertThat(count(admins, "data-username=")).isEqualTo(21);
    assertThat(count(admins, "data-invitation-id=")).isEqualTo(50);
    assertThat(admins).contains("Page 3 sur 3 · 121 au total").contains("Page 2 sur 3 · 120 au total")
        .contains("href=\"/settings/admins?page=3&amp;invitationsPage=3&amp;size=50\"");

    String queue = html("/support?status=NEW&lang=zh-TW", lists.engineer(), 200);
    assertThat(queue).contains("<nav class=\"pager\"").contains("下一頁").contains("共");
    assertThat(count(queue, "data-callback-id=")).isEqualTo(50);
  }

  @Test
  void a_page_number_outside_the_rules_is_a_localised_400_with_a_way_back() throws Exception {
    String many = lists.many().admin();
    assertThat(html("/billing/products?page=0", many, 400))
        .contains("Cette page de la liste n’existe pas")
        .contains("un nombre entier de 1 à 200")
        .contains("<a id=\"first-page\" href=\"/billing/products\">");
    assertThat(html("/users?subscription=" + lists.seats().id() + "&size=201", lists.dated().admin(), 400))
        .contains("href=\"/users?subscription=" + lists.seats().id() + "\"");
    assertThat(html("/billing/invoices?creditsPage=abc&lang=da-DK", many, 400)).contains("Denne side af listen findes ikke");
    html("/?page=-1", many, 400);
    html("/support?size=1000", lists.engineer(), 400);
  }
}
