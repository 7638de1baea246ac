package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every refusal of the quantity-change API: problem+json with its code and extension members. */
class QuantityChangeRefusalsIT extends DatabaseIT {

  @Autowired SubscriptionService subscriptions;
  @Autowired CatalogService catalog;

  private static String path(Subscription s) {
    return "/api/v1/subscriptions/" + s.id() + "/quantity-change";
  }

  private static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String json) {
    return request.contentType(MediaType.APPLICATION_JSON).content(json);
  }

  @Test
  void removing_below_the_assigned_count_says_how_many_to_unassign_first() throws Exception {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 5, 3);
    mvc.perform(get(path(s)).param("quantity", "1").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("LICENSES_IN_USE"))
        .andExpect(jsonPath("$.licensesToUnassign").value(2))
        .andExpect(jsonPath("$.detail").value("3 licenses are assigned: unassign 2 licenses from users first, then remove licenses."));
    mvc.perform(body(post(path(s)), "{\"quantity\": 2, \"when\": \"NOW\"}").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("LICENSES_IN_USE"))
        .andExpect(jsonPath("$.licensesToUnassign").value(1));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(5);
  }

  @Test
  void buying_above_the_plans_maximum_says_the_maximum() throws Exception {
    Given org = tenants.tenant(0);
    String planId = "qty-capped-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.addPlan(new Plan(planId, "qty-capped", "Capped", Money.of(1000, "EUR"), BillingFrequency.MONTHLY,
        BillingFrequency.MONTHLY, 30, 25, 10, 0));
    Subscription s = subscriptions.purchase(org.id(), planId, 8, org.card(), TestTenants.ACTOR);
    mvc.perform(get(path(s)).param("quantity", "11").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("ABOVE_MAXIMUM"))
        .andExpect(jsonPath("$.maximum").value(10));
    mvc.perform(get(path(s)).param("quantity", "10").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quantityAfter").value(10))
        .andExpect(jsonPath("$.maximum").value(10));
  }

  @Test
  void a_trial_is_bought_first() throws Exception {
    Given org = tenants.tenant(0);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, TestTenants.ACTOR);
    mvc.perform(get(path(trial)).param("quantity", "30").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("TRIAL"));
  }

  @Test
  void readers_and_user_admins_may_not() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    for (Role role : new Role[] {Role.READER, Role.USER_ADMIN}) {
      String username = tenants.account(org, role);
      mvc.perform(get(path(s)).param("quantity", "8").with(httpBasic(username, "password")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
      mvc.perform(body(post(path(s)), "{\"quantity\": 8}").with(httpBasic(username, "password")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
    }
    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(5);
  }

  @Test
  void the_same_quantity_and_impossible_quantities_are_refused_as_invalid() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    mvc.perform(get(path(s)).param("quantity", "5").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("NO_CHANGE"));
    mvc.perform(get(path(s)).param("quantity", "0").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("QUANTITY_OUT_OF_RANGE"));
    mvc.perform(get(path(s)).param("quantity", "many").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isBadRequest());
    mvc.perform(get(path(s)).param("quantity", "8").param("when", "LATER").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isBadRequest());
    mvc.perform(body(post(path(s)), "{\"quantity\": 0}").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(body(post(path(s)), "{}").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void buying_at_renewal_without_recurring_billing_is_refused() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    subscriptions.setAutoRenew(org.id(), s.id(), false, TestTenants.ACTOR);
    mvc.perform(get(path(s)).param("quantity", "8").param("when", "AT_RENEWAL")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("RENEWAL_OFF"));
    mvc.perform(get(path(s)).param("quantity", "8").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.when").value("NOW"))
        .andExpect(jsonPath("$.direction").value("CHARGE"))
        .andExpect(jsonPath("$.amount.amountMinor").value(2903)); // 10.00 × 3 × 30/31
  }

  @Test
  void a_subscription_of_another_organisation_is_not_found() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    Subscription theirs = tenants.subscription(other, 5, 0);
    mvc.perform(get(path(theirs)).param("quantity", "8").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNotFound());
    mvc.perform(body(post(path(theirs)), "{\"quantity\": 8}").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNotFound());
  }
}
