package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.IntStream;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewMember;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Users & licenses page without JavaScript: search, select all matching, the missing licenses. */
class UsersPageIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;

  private Given org;

  private Given withSalesAndSupport(int sales, int support) {
    Given given = tenants.tenant(0);
    String domain = given.admin() + ".example";
    tenantService.addMembers(given.id(), IntStream.rangeClosed(1, sales)
        .mapToObj(i -> new NewMember("Sales " + i, "sales." + i + "@" + domain)).toList(), "test");
    tenantService.addMembers(given.id(), IntStream.rangeClosed(1, support)
        .mapToObj(i -> new NewMember("Support " + i, "support." + i + "@" + domain)).toList(), "test");
    return given;
  }

  private RequestPostProcessor admin() {
    return user(accounts.loadUserByUsername(org.admin()));
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.param("lang", "en")).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString().replaceAll("\\s+", " ");
  }

  @Test
  void a_search_narrows_both_lists_and_select_all_assigns_every_match_in_one_post() throws Exception {
    org = withSalesAndSupport(30, 12);
    Subscription s = tenants.subscription(org, 40, 0);
    String page = html(get("/users").param("subscription", s.id().toString()).param("q", "SALES").with(admin()));
    assertThat(page).contains("30 users without a license match “SALES”")
        .contains("Select all 30 matching and assign licenses")
        .contains("name=\"query\" value=\"SALES\"")
        .contains("40 licenses are free.")
        .doesNotContain("Support 1<")
        .doesNotContain("id=\"shortfall\"");
    String fragment = html(get("/users").param("subscription", s.id().toString()).param("q", "sales")
        .header("HX-Request", "true").with(admin()));
    assertThat(fragment).doesNotContain("<html").contains("id=\"licenses\"").contains("Sales 10<");

    mvc.perform(post("/users/assign-matching").param("subscription", s.id().toString()).param("query", "SALES")
            .with(admin()).with(csrf()))
        .andExpect(redirectedUrl("/users?subscription=" + s.id() + "&q=SALES"))
        .andExpect(flash().attribute("noticeCount", 30));
    assertThat(tenants.assigned(org, s)).isEqualTo(30);
    page = html(get("/users").param("subscription", s.id().toString()).param("q", "sales").with(admin()));
    assertThat(page).contains("30 users with a license match “sales”").contains("id=\"candidates-none\"");
  }

  @Test
  void not_enough_licenses_assigns_nobody_and_offers_to_buy_exactly_the_missing_number() throws Exception {
    org = withSalesAndSupport(30, 0);
    Subscription s = tenants.subscription(org, 25, 0);
    String page = html(get("/users").param("subscription", s.id().toString()).param("q", "sales").with(admin()));
    assertThat(page).contains("Assigning all 30 matching users needs 5 more licenses.")
        .contains("href=\"/billing/subscriptions/" + s.id() + "/buy-licenses?add=5\"");

    var refused = mvc.perform(post("/users/assign-matching").param("subscription", s.id().toString())
            .param("query", "sales").with(admin()).with(csrf()))
        .andExpect(redirectedUrl("/users?subscription=" + s.id() + "&q=sales"))
        .andExpect(flash().attribute("missing", 5))
        .andReturn();
    assertThat(tenants.assigned(org, s)).isZero();
    String after = html(get("/users").param("subscription", s.id().toString()).param("q", "sales")
        .flashAttrs(refused.getFlashMap()).with(admin()));
    assertThat(after).contains("5 licenses missing.")
        .contains("id=\"buy-missing\" class=\"button\" href=\"/billing/subscriptions/" + s.id() + "/buy-licenses?add=5\"")
        .contains("Buy 5 licenses");

    String userAdmin = tenants.account(org, Role.USER_ADMIN);
    String asUserAdmin = html(get("/users").param("subscription", s.id().toString()).param("q", "sales")
        .flashAttrs(refused.getFlashMap()).with(user(accounts.loadUserByUsername(userAdmin))));
    assertThat(asUserAdmin).contains("5 licenses missing.").doesNotContain("buy-licenses")
        .contains("Ask a Global admin or a Billing admin to buy 5 licenses.");
  }

  @Test
  void the_ticked_members_are_assigned_and_unassign_all_matching_takes_them_back() throws Exception {
    org = withSalesAndSupport(3, 2);
    Subscription s = tenants.subscription(org, 5, 0);
    List<String> ids = tenantService.members(org.id(), PageRequest.FIRST).items().subList(0, 2).stream()
        .map(m -> m.id().toString()).toList();
    mvc.perform(post("/users/assign").param("subscription", s.id().toString()).param("q", "")
            .param("memberIds", ids.toArray(String[]::new)).with(admin()).with(csrf()))
        .andExpect(redirectedUrl("/users?subscription=" + s.id()))
        .andExpect(flash().attribute("noticeCount", 2));
    assertThat(tenants.assigned(org, s)).isEqualTo(2);
    mvc.perform(post("/users/unassign-matching").param("subscription", s.id().toString()).param("query", "")
            .with(admin()).with(csrf()))
        .andExpect(flash().attribute("noticeCount", 2));
    assertThat(tenants.assigned(org, s)).isZero();
  }

  @Test
  void an_empty_choice_or_a_search_too_long_shows_the_page_again_with_the_reason() throws Exception {
    org = withSalesAndSupport(2, 0);
    Subscription s = tenants.subscription(org, 5, 0);
    MockHttpServletResponse none = mvc.perform(post("/users/assign").param("subscription", s.id().toString())
        .param("lang", "en").with(admin()).with(csrf())).andReturn().getResponse();
    assertThat(none.getStatus()).isEqualTo(422);
    assertThat(none.getContentAsString()).contains("id=\"candidateIds-error\"").contains("Choose at least one user.");
    MockHttpServletResponse tooLong = mvc.perform(post("/users/assign-matching").param("subscription", s.id().toString())
        .param("query", "x".repeat(101)).param("lang", "en").with(admin()).with(csrf())).andReturn().getResponse();
    assertThat(tooLong.getStatus()).isEqualTo(422);
    assertThat(tooLong.getContentAsString()).contains("id=\"query-error\"");
    MockHttpServletResponse longSearch = mvc.perform(get("/users").param("subscription", s.id().toString())
        .param("q", "x".repeat(101)).param("lang", "en").with(admin())).andReturn().getResponse();
    assertThat(longSearch.getStatus()).isEqualTo(422);
    assertThat(longSearch.getContentAsString()).contains("A search can be at most 100 characters long.");
    assertThat(tenants.assigned(org, s)).isZero();
  }

  @Test
  void both_lists_have_their_own_pager_that_keeps_the_search() throws Exception {
    org = withSalesAndSupport(60, 0);
    Subscription s = tenants.subscription(org, 60, 0);
    mvc.perform(post("/users/assign-matching").param("subscription", s.id().toString()).param("query", "sales 1")
        .with(admin()).with(csrf())); // Sales 1, 10..19
    String page = html(get("/users").param("subscription", s.id().toString()).param("q", "sales").param("size", "20")
        .with(admin()));
    assertThat(page).contains("Page 1 of 3 · 49 in total") // Sales 2..60 without one; the 11 holders fit one page
        .contains("href=\"/users?subscription=" + s.id() + "&amp;q=sales&amp;lang=en&amp;candidatesPage=2&amp;size=20\"")
        .doesNotContain("holdersPage=");
    String second = html(get("/users").param("subscription", s.id().toString()).param("q", "sales")
        .param("candidatesPage", "3").param("size", "20").with(admin()));
    assertThat(second).contains("Page 3 of 3");
  }
}
