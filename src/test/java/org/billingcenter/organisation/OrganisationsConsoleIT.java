package org.billingcenter.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's organisations console end to end: the list (search, MRR, pages, order), and a
 * suspension that refuses sign-in, open sessions, HTTP Basic and API keys while billing goes on,
 * then a resumption. A tiny key cache TTL stands for "within the TTL" on every node.
 */
@TestPropertySource(properties = "billing-center.api-keys.cache-ttl=50ms")
class OrganisationsConsoleIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired ApiKeyService keys;
  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;
  @Autowired OrganisationService organisations;

  String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), Locale.ENGLISH), "op-password"));
  }

  private ResultActions asOperator(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(operator, "op-password")));
  }

  private TenantId seeded(String name) {
    Tenant tenant = new Tenant(TenantId.random(), name, "DK", Locale.forLanguageTag("da-DK"),
        ZoneId.of("Europe/Copenhagen"), Currency.getInstance("DKK"));
    String admin = "a-" + UUID.randomUUID().toString().substring(0, 8);
    tenantService.seed(new NewTenant(tenant, admin, "Admin", "pass-" + admin + "-phrase"), "test");
    return tenant.id();
  }

  @Test
  void the_list_is_searched_by_name_or_id_paged_sorted_and_shows_mrr_with_annual_plans_rounded_once() throws Exception {
    String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
    TenantId gamma = seeded(marker + " Gamma");
    seeded(marker + " alpha");
    seeded(marker + " Beta");
    Given paying = tenants.tenant(0);
    tenants.subscription(paying, 3, 0); // 3 × 10.00 monthly
    subscriptions.purchase(paying.id(), TestTenants.ANNUAL_PLAN, 1, paying.card(), "test"); // 100.00 a year
    subscriptions.purchase(paying.id(), TestTenants.ANNUAL_PLAN, 1, paying.card(), "test");
    subscriptions.startTrial(paying.id(), TestTenants.MONTHLY_PLAN, paying.card(), "test"); // live, not paid

    asOperator(get("/api/v1/operator/tenants").param("query", marker.toUpperCase(Locale.ROOT)).param("size", "2"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "3"))
        .andExpect(jsonPath("$[0].name").value(marker + " alpha"))
        .andExpect(jsonPath("$[1].name").value(marker + " Beta"))
        .andExpect(jsonPath("$[0].status").value("ACTIVE"))
        .andExpect(jsonPath("$[0].mrr").isEmpty());
    asOperator(get("/api/v1/operator/tenants").param("query", marker).param("size", "2").param("page", "2"))
        .andExpect(jsonPath("$[0].name").value(marker + " Gamma")).andExpect(jsonPath("$.length()").value(1));
    asOperator(get("/api/v1/operator/tenants").param("query", marker).param("sort", "-name"))
        .andExpect(jsonPath("$[0].id").value(gamma.toString()));
    asOperator(get("/api/v1/operator/tenants").param("query", gamma.toString()))
        .andExpect(header().string("X-Total-Count", "1")).andExpect(jsonPath("$[0].currency").value("DKK"));
    asOperator(get("/api/v1/operator/tenants").param("query", "%")).andExpect(status().isOk());

    // 30.00 + 200.00 / 12 = 30.00 + 16.67 (two annual twelfths rounded apart would make 16.66)
    asOperator(get("/api/v1/operator/tenants/" + paying.id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subscriptions").value(4))
        .andExpect(jsonPath("$.mrr[0].amountMinor").value(4667))
        .andExpect(jsonPath("$.mrr[0].currency").value("EUR"));
  }

  @Test
  void bad_searches_unknown_organisations_and_other_roles_are_refused() throws Exception {
    asOperator(get("/api/v1/operator/tenants").param("sort", "country"))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("ORGANISATION_SEARCH_INVALID"));
    asOperator(get("/api/v1/operator/tenants").param("query", "x".repeat(201)))
        .andExpect(status().isUnprocessableContent());
    asOperator(get("/api/v1/operator/tenants/" + UUID.randomUUID()))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ORGANISATION_NOT_FOUND"));
    Given org = tenants.tenant(0);
    mvc.perform(get("/api/v1/operator/tenants").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/operator/tenants/" + org.id() + "/suspension").with(httpBasic(org.admin(), org.password()))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
    asOperator(post("/api/v1/operator/tenants/" + org.id() + "/suspension")
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}")).andExpect(status().isUnprocessableContent());
    assertThat(organisations.get(org.id()).suspension()).isNull();
    asOperator(delete("/api/v1/operator/tenants/" + org.id() + "/suspension"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ORGANISATION_NOT_SUSPENDED"));
  }

  @Test
  void a_suspended_organisation_cannot_sign_in_or_use_its_keys_but_is_billed_and_works_again_once_resumed()
      throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0); // bought 10 March: renews 10 April
    String key = keys.create(new NewApiKey(org.id(), "sync", Role.READER, null), "test").secret();
    MockHttpSession session = signIn(org, org.password()).andExpect(redirectedUrl("/")).andReturn()
        .getRequest().getSession() instanceof MockHttpSession s ? s : null;
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    bearer(key).andExpect(status().isOk());

    String idempotencyKey = "suspend-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      asOperator(post("/api/v1/operator/tenants/" + org.id() + "/suspension").header("Idempotency-Key", idempotencyKey)
          .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Unpaid invoices\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("SUSPENDED"))
          .andExpect(jsonPath("$.suspension.reason").value("Unpaid invoices"));
    }
    asOperator(post("/api/v1/operator/tenants/" + org.id() + "/suspension")
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ORGANISATION_ALREADY_SUSPENDED"));
    Thread.sleep(100); // past the key cache TTL

    bearer(key).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("NOT_SIGNED_IN"));
    // HTTP Basic with the right password is told why, as for an organisation that requires single sign-on
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ORGANISATION_SUSPENDED"));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?suspended"));
    signIn(org, org.password()).andExpect(redirectedUrl("/login?suspended"));
    signIn(org, "not-the-password").andExpect(redirectedUrl("/login?error")); // tells nothing without the password
    assertThat(mvc.perform(get("/login").param("suspended", "").header("Accept-Language", "da"))
        .andReturn().getResponse().getContentAsString()).contains("Din organisation er suspenderet.");

    int before = billing.invoices(org.id()).size();
    clock.set(Instant.parse("2026-04-10T10:00:00Z"));
    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(billing.invoices(org.id())).hasSize(before + 1);

    asOperator(delete("/api/v1/operator/tenants/" + org.id() + "/suspension").header("Idempotency-Key", "resume-" + UUID.randomUUID())
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Paid\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    Thread.sleep(100);
    bearer(key).andExpect(status().isOk());
    signIn(org, org.password()).andExpect(redirectedUrl("/"));
    assertThat(audit.page(org.id(), PageRequest.FIRST).items()).extracting(AuditEvent::action)
        .containsSubsequence("TENANT_RESUMED", "TENANT_SUSPENDED")
        .filteredOn("TENANT_SUSPENDED"::equals).hasSize(1); // the replay suspended nothing twice
  }

  private ResultActions signIn(Given org, String password) throws Exception {
    return mvc.perform(post("/login").param("username", org.admin()).param("password", password).with(csrf()));
  }

  private ResultActions bearer(String key) throws Exception {
    return mvc.perform(get("/api/v1/subscriptions").header("Authorization", "Bearer " + key));
  }

}
