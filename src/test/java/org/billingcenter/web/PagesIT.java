package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.billingcenter.account.AccountService;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pages through MockMvc: full page vs htmx fragment, refusals without JavaScript, CSRF. */
class PagesIT extends DatabaseIT {

  @Autowired AccountService accounts;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  @Test
  void the_users_page_is_a_full_page_and_its_licenses_part_a_fragment_for_htmx() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 2);
    mvc.perform(get("/users").param("subscription", s.id().toString()).with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("id=\"licenses\"")));
    mvc.perform(get("/users").param("subscription", s.id().toString()).param("lang", "en").header("HX-Request", "true").with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("id=\"licenses\"")))
        .andExpect(content().string(containsString("2 of 3 licenses assigned")));
  }

  @Test
  void a_refused_page_action_goes_back_with_the_reason_and_changes_nothing() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    mvc.perform(post("/users/unassign").param("subscription", s.id().toString())
            .param("memberIds", org.members().get(1).toString()) // holds no license
            .header("Referer", "http://localhost/users")
            .with(user(as(org.admin()))).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("error"));
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
  }

  @Test
  void page_posts_without_a_csrf_token_are_refused() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 3, 1);
    mvc.perform(post("/users/unassign").param("subscription", s.id().toString())
            .param("memberIds", org.members().get(0).toString()).with(user(as(org.admin()))))
        .andExpect(status().isForbidden());
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
  }

  @Test
  void pages_speak_the_accounts_language_unless_the_switcher_chose_another() throws Exception {
    Given org = tenants.tenant(0); // its admin's language is the tenant's: fr-FR
    mvc.perform(get("/billing/products").header("Accept-Language", "da-DK").with(user(as(org.admin()))))
        .andExpect(content().string(containsString("Vos produits")));
    mvc.perform(get("/billing/products").param("lang", "zh-TW").with(user(as(org.admin()))))
        .andExpect(content().string(containsString("您的產品")));
  }

  @Test
  void the_products_page_carries_the_help_panel_in_the_chosen_language() throws Exception {
    Given org = tenants.tenant(25);
    tenants.subscription(org, 30, 25);
    mvc.perform(get("/billing/products").header("Accept-Language", "fr-FR").with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("tous vos abonnements en cours ont 25 licences attribuées ou plus")))
        .andExpect(content().string(containsString("retirez 1 licence pour résilier en ligne")));
    mvc.perform(post("/billing/subscriptions/" + org.id() + "/cancel").with(user(as(org.admin()))).with(csrf())
            .param("when", "NOW").param("reason", "OTHER"))
        .andExpect(redirectedUrl("/"));
  }
}
