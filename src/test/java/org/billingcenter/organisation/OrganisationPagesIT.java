package org.billingcenter.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The operator's organisations pages: list, open (errors on the form), view, suspend and resume after confirming. */
class OrganisationPagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;
  @Autowired OrganisationService organisations;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;

  String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  @Test
  void the_operator_opens_an_organisation_after_the_form_shows_what_was_wrong() throws Exception {
    String name = "Fjord " + UUID.randomUUID().toString().substring(0, 6);
    MockHttpServletResponse refused = as(operator, post("/operator/organisations").with(csrf())
        .param("name", name).param("country", "QQ").param("currency", "XAU").param("locale", "fr-FR")
        .param("timeZone", "Mars/Olympus").param("adminName", "Ada").param("adminEmail", "not-an-address")
        .header("Accept-Language", "fr"));
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("id=\"country-error\"").contains("id=\"currency-error\"")
        .contains("id=\"timeZone-error\"").contains("id=\"adminEmail-error\"").contains("value=\"" + name + "\"")
        .contains("ISO 3166");
    assertThat(tenantService.findByName(name)).isEmpty();

    MockHttpServletResponse opened = as(operator, post("/operator/organisations").with(csrf())
        .param("name", name).param("country", "DK").param("currency", "DKK").param("locale", "da-DK")
        .param("timeZone", "Europe/Copenhagen").param("adminName", "Ada").param("adminEmail", "ada@" + name.substring(6) + ".example"));
    Tenant tenant = tenantService.findByName(name).get(0);
    assertThat(opened.getRedirectedUrl()).isEqualTo("/operator/organisations/" + tenant.id());
    assertThat(tenant.currency().getCurrencyCode()).isEqualTo("DKK");
    assertThat(audit.page(tenant.id(), PageRequest.FIRST).items()).extracting(AuditEvent::action).contains("TENANT_CREATED");

    String list = as(operator, get("/operator/organisations").param("query", name)).getContentAsString();
    assertThat(list).contains(name).contains("data-tenant-id=\"" + tenant.id() + "\"").contains("1 organisation");
    String view = as(operator, get("/operator/organisations/" + tenant.id())).getContentAsString();
    assertThat(view).contains(name).contains("Europe/Copenhagen").contains("TENANT_CREATED").contains("id=\"suspend\"");
  }

  @Test
  void suspending_asks_why_on_a_page_that_says_what_happens_and_resuming_undoes_it() throws Exception {
    Given org = tenants.tenant(0);
    String base = "/operator/organisations/" + org.id();
    String confirm = as(operator, get(base + "/suspend").header("Accept-Language", "da")).getContentAsString();
    assertThat(confirm).contains("id=\"consequences\"").contains("Faktureringen fortsætter").contains("id=\"confirm-change\"");

    MockHttpServletResponse blank = as(operator, post(base + "/suspend").with(csrf()).param("reason", " "));
    assertThat(blank.getStatus()).isEqualTo(422);
    assertThat(blank.getContentAsString()).contains("id=\"reason-error\"");
    assertThat(organisations.get(org.id()).suspension()).isNull();

    MockHttpServletResponse done = as(operator, post(base + "/suspend").with(csrf()).param("reason", "Fraud check"));
    assertThat(done.getRedirectedUrl()).isEqualTo(base);
    assertThat(organisations.get(org.id()).suspension().reason()).isEqualTo("Fraud check");
    String view = as(operator, get(base)).getContentAsString();
    assertThat(view).contains("Fraud check").contains("id=\"resume\"").contains("TENANT_SUSPENDED");

    assertThat(as(operator, post(base + "/resume").with(csrf()).param("reason", "Cleared")).getRedirectedUrl()).isEqualTo(base);
    assertThat(organisations.get(org.id()).suspension()).isNull();
  }

  @Test
  void organisation_admins_cannot_open_the_console_and_unknown_ids_are_not_found() throws Exception {
    Given org = tenants.tenant(0);
    assertThat(as(org.admin(), get("/operator/organisations")).getStatus()).isEqualTo(403);
    assertThat(as(org.admin(), get("/operator/organisations/" + org.id())).getStatus()).isEqualTo(403);
    assertThat(as(org.admin(), post("/operator/organisations/" + org.id() + "/suspend").with(csrf())
        .param("reason", "x")).getStatus()).isEqualTo(403);
    assertThat(organisations.get(org.id()).suspension()).isNull();
    // A refusal on a page goes back with the reason, as everywhere in the admin center.
    MockHttpServletResponse unknown = as(operator, get("/operator/organisations/" + UUID.randomUUID()));
    assertThat(unknown.getStatus()).isEqualTo(302);
    assertThat(unknown.getContentAsString()).doesNotContain("Test Org");
    assertThat(as(operator, get("/operator/organisations").param("sort", "nope")).getStatus()).isEqualTo(302);
  }
}
