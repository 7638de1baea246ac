package org.billingcenter.subscription.web;

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
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A subscription's Settings & Actions and the products row's ⋯ menu offer every action of issue 12,
 * each only to whom it applies; a change waiting for the renewal shows with a Withdraw button.
 */
class SettingsAndActionsPageIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;
  @Autowired TransactionTemplate transaction;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  private ScheduledChange scheduleReduction(Subscription s, int quantity) {
    return transaction.execute(st -> subscriptions.scheduleChange(
        subscriptions.lock(s.tenant(), s.id()), ScheduledChange.Kind.QUANTITY, quantity, null, "t"));
  }

  @Test
  void an_admin_finds_every_action_on_the_details_page_and_in_the_products_menu() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 2);
    mvc.perform(get("/billing/subscriptions/" + s.id()).param("lang", "en").with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/billing/subscriptions/" + s.id() + "/buy-licenses")))
        .andExpect(content().string(containsString("/billing/subscriptions/" + s.id() + "/remove-licenses")))
        .andExpect(content().string(containsString("/users?subscription=" + s.id())))
        .andExpect(content().string(containsString("/billing/subscriptions/" + s.id() + "/change-plan")))
        .andExpect(content().string(containsString("/billing/subscriptions/" + s.id() + "/change-frequency")))
        .andExpect(content().string(containsString("/billing/subscriptions/" + s.id() + "/cancel")))
        .andExpect(content().string(not(containsString("id=\"scheduled-changes\""))));
    mvc.perform(get("/billing/products").param("lang", "en").with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">Buy licenses<")))
        .andExpect(content().string(containsString(">Remove licenses<")))
        .andExpect(content().string(containsString(">Assign licenses<")))
        .andExpect(content().string(containsString(">Change plan<")));
  }

  @Test
  void a_reader_is_offered_no_action() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 2);
    mvc.perform(get("/billing/subscriptions/" + s.id()).param("lang", "en").with(user(as(tenants.account(org, Role.READER)))))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("/buy-licenses"))))
        .andExpect(content().string(not(containsString("/change-plan"))))
        .andExpect(content().string(not(containsString("/remove-licenses"))));
  }

  @Test
  void a_scheduled_reduction_shows_on_the_details_page_and_in_the_row_and_can_be_withdrawn() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 2);
    ScheduledChange change = scheduleReduction(s, 3);
    mvc.perform(get("/billing/subscriptions/" + s.id()).param("lang", "en").with(user(as(org.admin()))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"scheduled-changes\"")))
        .andExpect(content().string(containsString(": 3 licenses")))
        .andExpect(content().string(containsString("/scheduled-changes/" + change.id() + "/withdraw")));
    mvc.perform(get("/billing/products").param("lang", "en").with(user(as(org.admin()))))
        .andExpect(content().string(containsString("(changes ")));

    mvc.perform(post("/billing/subscriptions/" + s.id() + "/scheduled-changes/" + change.id() + "/withdraw")
            .with(user(as(org.admin()))).with(csrf()))
        .andExpect(redirectedUrl("/billing/subscriptions/" + s.id()))
        .andExpect(flash().attribute("notice", "details.notice.change-withdrawn"));
    assertThat(subscriptions.pendingChanges(s.tenant(), s.id())).isEmpty();
  }

  @Test
  void a_reader_cannot_withdraw_and_nothing_changes() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 2);
    ScheduledChange change = scheduleReduction(s, 4);
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/scheduled-changes/" + change.id() + "/withdraw")
            .with(user(as(tenants.account(org, Role.READER)))).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(subscriptions.pendingChanges(s.tenant(), s.id())).hasSize(1);
  }
}
