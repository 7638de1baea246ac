package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 11.18: the small things a new user tripped on. */
class SmallThingsIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void the_survey_pre_selects_nothing_and_no_choice_goes_back_with_a_localised_word() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    String path = "/billing/subscriptions/" + s.id() + "/cancel";
    assertThat(html(get(path).with(user(as(org.admin()))))).doesNotContain("checked").contains("name=\"reason\" value=\"TOO_EXPENSIVE\" required");
    for (String none : new String[] {null, ""}) {
      MockHttpServletRequestBuilder review = post(path + "/review").param("when", "NOW").header("Accept-Language", "da-DK")
          .with(user(as(tenants.account(org, Role.BILLING_ADMIN)))).with(csrf());
      if (none != null) {
        review.param("reason", none);
      }
      mvc.perform(review).andExpect(redirectedUrl(path + "?when=NOW")).andExpect(flash().attribute("error", "Vælg en grund til opsigelsen."));
    }
    // A value the form never offers is a field error: the survey is shown again (422), nothing chosen for them.
    mvc.perform(post(path + "/review").param("when", "NOW").param("reason", "NOT_A_REASON")
            .with(user(as(tenants.account(org, Role.BILLING_ADMIN)))).with(csrf()))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void a_payment_method_for_a_subscription_that_does_not_exist_is_not_saved() throws Exception {
    Given org = tenants.tenant(0);
    long before = tenantService.paymentMethods(org.id(), PageRequest.FIRST).total();
    mvc.perform(post("/billing/subscriptions/" + UUID.randomUUID() + "/payment-method")
            .param("token", "tok_orphan").param("brand", "Visa").param("last4", "4242")
            .param("expiryMonth", "12").param("expiryYear", "2031")
            .with(user(as(org.admin()))).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    assertThat(tenantService.paymentMethods(org.id(), PageRequest.FIRST).total()).isEqualTo(before);

    Subscription s = tenants.subscription(org, 1, 0);
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/payment-method")
            .param("token", "tok_ok").param("brand", "Visa").param("last4", "1881")
            .param("expiryMonth", "12").param("expiryYear", "2031")
            .with(user(as(org.admin()))).with(csrf()))
        .andExpect(redirectedUrl("/billing/subscriptions/" + s.id()));
    assertThat(tenantService.paymentMethods(org.id(), PageRequest.FIRST).total()).isEqualTo(before + 1);
  }

  @Test
  void the_help_panel_offers_each_role_only_what_it_can_do() throws Exception {
    Given org = tenants.tenant(25);
    tenants.subscription(org, 3, 1);
    tenants.subscription(org, 30, 25);
    String reader = html(get("/billing/products").param("lang", "en").with(user(as(tenants.account(org, Role.READER)))));
    assertThat(reader).contains("id=\"help-ask-admin\"").doesNotContain("need one of two ways forward")
        .doesNotContain("Can be cancelled online now").doesNotContain("Let us call you").doesNotContain("Remove licenses from users")
        .doesNotContain("When you cancel now");
    String userAdmin = html(get("/billing/products").param("lang", "en").with(user(as(tenants.account(org, Role.USER_ADMIN)))));
    assertThat(userAdmin).contains("Remove licenses from users").doesNotContain("Let us call you").contains("id=\"help-ask-admin\"");
    String billing = html(get("/billing/products").param("lang", "en").with(user(as(tenants.account(org, Role.BILLING_ADMIN)))));
    assertThat(billing).contains("Remove licenses from users").contains("Let us call you").contains("Can be cancelled online now")
        .doesNotContain("id=\"help-ask-admin\"");
    // The two links are separate list items, not two anchors run together.
    assertThat(billing.replaceAll("\\s+", " ")).containsPattern("<li><a [^>]*>Remove licenses from users</a></li> <li><a [^>]*>Let us call you</a></li>");
  }

  @Test
  void an_english_page_of_an_irish_organisation_writes_dates_and_money_as_in_ireland_and_so_does_the_api() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tenant irish = new Tenant(TenantId.random(), "Irish Org " + suffix, "IE", Locale.forLanguageTag("en-IE"),
        ZoneId.of("Europe/Dublin"), Currency.getInstance("EUR"));
    String admin = "ie-admin-" + suffix;
    tenantService.create(new NewTenant(irish, admin, "Aoife " + suffix, "pass-" + suffix + "-phrase"), TestTenants.ACTOR);
    tenants.tenant(0); // makes sure the test plans exist
    var card = tenantService.addPaymentMethod(irish.id(), new NewPaymentMethod("tok_" + suffix, "Visa", "4242", 12, 2035), "test");
    Subscription s = subscriptions.purchase(irish.id(), TestTenants.MONTHLY_PLAN, 2, card.id(), "test");

    String details = html(get("/billing/subscriptions/" + s.id()).param("lang", "en").with(user(as(admin))));
    assertThat(details).contains("10 Mar 2026").doesNotContain("Mar 10, 2026");
    String api = mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/cancellation").header("Accept-Language", "en")
            .with(httpBasic(admin, "pass-" + suffix + "-phrase")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(api).contains("10 April 2026").doesNotContain("April 10, 2026");
  }
}
