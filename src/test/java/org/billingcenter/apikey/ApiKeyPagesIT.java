package org.billingcenter.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The API key pages: create (the key shown once), list, revoke after a confirmation; in two languages. */
class ApiKeyPagesIT extends DatabaseIT {

  private static final Pattern SHOWN_KEY = Pattern.compile("value=\"(bc_live_[0-9A-Za-z]{12}_[A-Za-z0-9_-]{43})\"");

  @Autowired AccountService accounts;
  @Autowired ApiKeyService keys;
  @Autowired TransactionTemplate transaction;

  Given org;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(0);
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  @Test
  void a_global_admin_creates_a_key_sees_it_once_lists_it_and_revokes_it_after_confirming() throws Exception {
    MockHttpServletResponse list = as(org.admin(), get("/settings/api-keys"));
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString()).contains("id=\"create-key\"").contains("value=\"BILLING_ADMIN\"")
        .doesNotContain("value=\"OPERATOR\"");

    MockHttpServletResponse created = as(org.admin(), post("/settings/api-keys").with(csrf())
        .param("name", "CRM sync").param("role", "BILLING_ADMIN").param("expiresOn", "2026-06-30")
        .header("Accept-Language", "fr-FR"));
    assertThat(created.getStatus()).isEqualTo(200);
    assertThat(created.getContentAsString()).contains("Votre nouvelle clé d’API").contains("data-select-on-focus");
    Matcher shown = SHOWN_KEY.matcher(created.getContentAsString());
    assertThat(shown.find()).isTrue();
    String key = shown.group(1);
    mvc.perform(get("/api/v1/subscriptions").header("Authorization", "Bearer " + key))
        .andExpect(status().isOk());

    ApiKey listed = keys.list(ApiKeyOwner.of(org.id()), PageRequest.FIRST).items().get(0);
    assertThat(listed.expiresAt()).hasToString("2026-07-01T00:00:00Z");
    String again = as(org.admin(), get("/settings/api-keys")).getContentAsString();
    assertThat(again).contains("CRM sync").contains(listed.prefix()).doesNotContain(key.substring(21));

    MockHttpServletResponse confirm = as(org.admin(), get("/settings/api-keys/" + listed.id() + "/revoke"));
    assertThat(confirm.getStatus()).isEqualTo(200);
    assertThat(confirm.getContentAsString()).contains("id=\"confirm-revoke\"").contains(listed.prefix());
    MockHttpServletResponse revoked = as(org.admin(), post("/settings/api-keys/" + listed.id() + "/revoke").with(csrf()));
    assertThat(revoked.getRedirectedUrl()).isEqualTo("/settings/api-keys");
    assertThat(keys.get(ApiKeyOwner.of(org.id()), listed.id()).revokedAt()).isNotNull();
    mvc.perform(get("/api/v1/subscriptions").header("Authorization", "Bearer " + key))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void a_refused_form_is_shown_again_with_its_message_and_creates_nothing() throws Exception {
    MockHttpServletResponse blank = as(org.admin(), post("/settings/api-keys").with(csrf())
        .param("name", " ").param("role", "READER"));
    assertThat(blank.getStatus()).isEqualTo(422);
    assertThat(blank.getContentAsString()).contains("name-error");
    MockHttpServletResponse operatorRole = as(org.admin(), post("/settings/api-keys").with(csrf())
        .param("name", "x").param("role", "OPERATOR").header("Accept-Language", "da-DK"));
    assertThat(operatorRole.getStatus()).isEqualTo(302);
    var past = mvc.perform(post("/settings/api-keys").with(csrf()).with(user(accounts.loadUserByUsername(org.admin())))
        .param("name", "x").param("role", "READER").param("expiresOn", "2026-03-01")).andReturn();
    assertThat(past.getResponse().getStatus()).isEqualTo(302);
    assertThat(past.getFlashMap().get("error")).asString().contains("futur");
    assertThat(keys.list(ApiKeyOwner.of(org.id()), PageRequest.FIRST).total()).isZero();
  }

  @Test
  void only_a_global_admin_and_the_operator_have_key_pages_each_under_its_own_address() throws Exception {
    for (Role role : new Role[] {Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER}) {
      assertThat(as(tenants.account(org, role), get("/settings/api-keys")).getStatus()).as(role.name()).isEqualTo(403);
    }
    assertThat(as(org.admin(), get("/operator/api-keys")).getStatus()).isEqualTo(403);
    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    assertThat(as(operator, get("/settings/api-keys")).getStatus()).isEqualTo(403);
    MockHttpServletResponse page = as(operator, get("/operator/api-keys"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("value=\"SUPPORT_ENGINEER\"").doesNotContain("value=\"READER\"");
    MockHttpServletResponse created = as(operator, post("/operator/api-keys").with(csrf())
        .param("name", "Desk tool").param("role", "SUPPORT_ENGINEER"));
    Matcher shown = SHOWN_KEY.matcher(created.getContentAsString());
    assertThat(shown.find()).isTrue();
    ApiKey k = keys.list(ApiKeyOwner.OPERATOR, new PageRequest(1, 200)).items().stream()
        .filter(x -> shown.group(1).startsWith(x.prefix())).findFirst().orElseThrow();
    keys.revoke(ApiKeyOwner.OPERATOR, k.id(), operator); // leaves no usable operator key behind
  }
}
