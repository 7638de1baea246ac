package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Buy licenses and Remove licenses pages: preview, refusals with their way forward, confirmation. */
class QuantityChangePagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  private static Document page(MockHttpServletResponse response) throws Exception {
    return Jsoup.parse(response.getContentAsString());
  }

  @Test
  void buying_shows_the_prorated_charge_its_invoice_date_and_the_new_total() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    MockHttpServletResponse response =
        as(org.admin(), get("/billing/subscriptions/" + s.id() + "/buy-licenses?add=3").param("lang", "en"));
    assertThat(response.getStatus()).isEqualTo(200);
    Document page = page(response);
    assertThat(page.select("#current").text()).isEqualTo("5 licenses bought, 3 assigned.");
    assertThat(page.select("#total").text()).isEqualTo("8");
    assertThat(page.select("#amount").text()).contains("29.03"); // 10.00 × 3 × 30/31
    assertThat(page.select("#outcome").text()).startsWith("3 licenses are added now:");
    assertThat(page.select("form[action$=/quantity-change/review] input[name=quantity]").val()).isEqualTo("8");
    assertThat(page.select("form[action$=/quantity-change/review] input[name=when]").val()).isEqualTo("NOW");
  }

  @Test
  void removing_assigned_licenses_says_how_many_to_unassign_and_links_to_the_users_page() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    Document page = page(as(org.admin(), get("/billing/subscriptions/" + s.id() + "/remove-licenses?remove=4")
        .param("lang", "fr-FR")));
    assertThat(page.select("#preview").attr("data-refusal")).isEqualTo("LICENSES_IN_USE");
    assertThat(page.select("#unassign").attr("href")).isEqualTo("/users?subscription=" + s.id());
    assertThat(page.select("#unassign").text()).contains("2 licences");
    assertThat(page.select("form[action$=/quantity-change/review]")).isEmpty();
  }

  @Test
  void removing_within_the_window_is_immediate_with_a_credit() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    Document page = page(as(org.admin(), get("/billing/subscriptions/" + s.id() + "/remove-licenses?remove=2")
        .param("lang", "zh-CN")));
    assertThat(page.select("#preview").attr("data-when")).isEqualTo("NOW");
    assertThat(page.select("#outcome").text()).contains("立即移除 2 个许可证");
  }

  @Test
  void the_change_needs_the_box_ticked() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    MockHttpServletResponse review = as(org.admin(), post("/billing/subscriptions/" + s.id() + "/quantity-change/review")
        .param("quantity", "8").param("when", "NOW").with(csrf()));
    assertThat(review.getStatus()).isEqualTo(200);
    assertThat(page(review).select("input[type=checkbox][name=confirmed][required]")).hasSize(1);
    MockHttpServletResponse unticked = as(org.admin(), post("/billing/subscriptions/" + s.id() + "/quantity-change")
        .param("quantity", "8").param("when", "NOW").with(csrf()));
    assertThat(unticked.getStatus()).isEqualTo(422);
    assertThat(page(unticked).select(".notice.error").text()).isNotBlank();
    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(5);
  }

  @Test
  void a_reader_sees_the_preview_refused_and_cannot_post() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    String reader = tenants.account(org, Role.READER);
    Document page = page(as(reader, get("/billing/subscriptions/" + s.id() + "/buy-licenses?add=1")));
    assertThat(page.select("#preview").attr("data-refusal")).isEqualTo("NOT_PERMITTED");
    assertThat(page.select("form[action*=/quantity-change]")).isEmpty();
    assertThat(as(reader, post("/billing/subscriptions/" + s.id() + "/quantity-change/review")
        .param("quantity", "6").param("when", "NOW").with(csrf())).getStatus()).isEqualTo(403);
  }
}
