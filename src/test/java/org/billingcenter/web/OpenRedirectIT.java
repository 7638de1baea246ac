package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refused page actions and unknown pages go back only to pages of this application (finding 11.10). */
class OpenRedirectIT extends DatabaseIT {

  /** MockMvc's requests are http://localhost:80; every one of these names another site. */
  static final List<String> HOSTILE_REFERERS =
      List.of(
          "http://evil.example/?localhost",
          "http://evil.example/localhost",
          "http://localhost.evil.com/users",
          "http://localhost@evil.com/users",
          "//evil.com",
          "/\\evil.com",
          "http://localhost//evil.com",
          "https:evil.com",
          "javascript:alert(document.domain)//localhost",
          "/\t/evil.com");

  @Autowired AccountService accounts;

  @Test
  void a_refused_page_action_never_redirects_to_another_site() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    for (String referer : HOSTILE_REFERERS) {
      mvc.perform(post("/users/unassign").param("subscription", s.id().toString())
              .param("memberIds", org.members().get(1).toString()) // holds no license: refused
              .header("Referer", referer)
              .with(user(accounts.loadUserByUsername(org.admin()))).with(csrf()))
          .andExpect(redirectedUrl("/"))
          .andExpect(flash().attributeExists("error"));
    }
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
  }

  @Test
  void an_unknown_subscription_page_never_redirects_to_another_site() throws Exception {
    Given org = tenants.tenant(0);
    for (String referer : HOSTILE_REFERERS) {
      mvc.perform(get("/billing/subscriptions/" + UUID.randomUUID()).header("Referer", referer)
              .with(user(accounts.loadUserByUsername(org.admin()))))
          .andExpect(redirectedUrl("/"));
    }
  }

  @Test
  void a_refusal_still_goes_back_to_the_page_of_ours_it_came_from() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    String users = "/users?subscription=" + s.id();
    mvc.perform(post("/users/unassign").param("subscription", s.id().toString())
            .param("memberIds", org.members().get(1).toString())
            .header("Referer", "http://localhost" + users)
            .with(user(accounts.loadUserByUsername(org.admin()))).with(csrf()))
        .andExpect(redirectedUrl(users));
    String unknown = "/billing/subscriptions/" + UUID.randomUUID();
    mvc.perform(get(unknown).header("Referer", "http://localhost" + unknown)
            .with(user(accounts.loadUserByUsername(org.admin()))))
        .andExpect(redirectedUrl("/")); // not back to itself: that would loop
  }
}
