package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The change-plan and change-frequency flows through the pages, in French and Chinese, without JavaScript. */
class PlanChangePagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;

  @Test
  void change_plan_choose_preview_confirm_done() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 1);
    clock.advance(Duration.ofDays(4));
    SignedInAccount admin = accounts.loadUserByUsername(org.admin());
    String base = "/billing/subscriptions/" + s.id();
    String choose = page(get(base + "/change-plan").param("lang", "fr-FR"), admin);
    assertThat(choose).contains("name=\"planId\"").contains(TestTenants.ANNUAL_PLAN).doesNotContain("id=\"decision\"");
    String preview = page(get(base + "/change-plan").param("planId", TestTenants.ANNUAL_PLAN).param("lang", "zh-CN"), admin);
    assertThat(preview).contains("id=\"decision\"").contains("data-when=\"AT_RENEWAL\"").contains("续订");
    String confirm = page(post(base + "/change-plan/review").param("planId", TestTenants.ANNUAL_PLAN).with(csrf()), admin);
    assertThat(confirm).contains("id=\"confirm-change\"");
    mvc.perform(post(base + "/change-plan").param("planId", TestTenants.ANNUAL_PLAN).with(csrf()).with(user(admin)))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(base + "/change-plan/done"))
        .andExpect(flash().attributeExists("done"));
    assertThat(page(get(base + "/change-plan/done"), admin)).contains("id=\"current-plan\"");
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).hasSize(1);
  }

  @Test
  void change_billing_frequency_preview_confirm_done() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 1, 0);
    SignedInAccount admin = accounts.loadUserByUsername(org.admin());
    String base = "/billing/subscriptions/" + s.id();
    assertThat(page(get(base + "/change-frequency").param("lang", "fr-FR"), admin)).contains("id=\"from-to\"").contains("annuelle");
    assertThat(page(post(base + "/change-frequency/review").with(csrf()), admin)).contains("id=\"confirm-change\"");
    mvc.perform(post(base + "/change-frequency").with(csrf()).with(user(admin)))
        .andExpect(redirectedUrl(base + "/change-frequency/done"));
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).singleElement()
        .satisfies(c -> assertThat(c.planId()).isEqualTo(TestTenants.ANNUAL_PLAN));
  }

  @Test
  void another_organisations_subscription_shows_nothing_and_changes_nothing() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    Subscription theirs = tenants.subscription(other, 1, 0);
    SignedInAccount admin = accounts.loadUserByUsername(org.admin());
    String base = "/billing/subscriptions/" + theirs.id();
    for (String path : new String[] {"/change-plan", "/change-frequency"}) {
      assertThat(mvc.perform(get(base + path).with(user(admin))).andReturn().getResponse().getStatus()).isNotEqualTo(200);
      mvc.perform(post(base + path).param("planId", TestTenants.ANNUAL_PLAN).with(csrf()).with(user(admin)));
    }
    assertThat(subscriptions.pendingChanges(other.id(), theirs.id())).isEmpty();
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request, SignedInAccount as) throws Exception {
    var builder = (org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request;
    var response = mvc.perform(builder.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
