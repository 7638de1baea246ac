package org.billingcenter.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingService;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.CallbackService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For every operation in the OpenAPI document: called by another organisation's accounts with this
 * organisation's identifiers, nothing of it is returned and nothing of it changes; called by a
 * Reader, nothing changes at all.
 */
class TenantIsolationSweepIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;
  @Autowired CallbackService callbacks;
  @Autowired BillingService billing;
  @Autowired SubscriptionService subscriptions;
  @Autowired TransactionTemplate transaction;

  record Operation(HttpMethod method, String path) {}

  private List<Operation> operations() throws Exception {
    String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
    List<Operation> all = new ArrayList<>();
    paths.forEach((path, methods) -> methods.keySet().forEach(m -> all.add(new Operation(HttpMethod.valueOf(m.toUpperCase()), path))));
    return all;
  }

  @Test
  void another_organisation_gets_nothing_of_this_one_and_changes_nothing() throws Exception {
    Given victim = tenants.tenant(3);
    Subscription victimSub = tenants.subscription(victim, 5, 3);
    var callback = callbacks.request(victim.id(), new CallbackService.NewCallback(victimSub.id(), "V", "+33123456789", "fr", "x"), "t");
    String invoice = billing.invoices(victim.id()).get(0).id().toString();
    String change = scheduledChange(victimSub);
    List<String> victimIds = List.of(victim.id().toString(), victimSub.id().toString(), callback.id().toString(), invoice,
        victim.members().get(0).toString(), victim.card().toString(), change);
    String before = TenantFingerprint.of(jdbc, victim.id());

    Given attacker = tenants.tenant(1);
    List<String> accountsToTry = new ArrayList<>(List.of(attacker.admin()));
    for (Role role : List.of(Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      accountsToTry.add(tenants.account(attacker, role));
    }
    String body = """
        {"subscriptionId":"%s","memberIds":["%s"],"paymentMethodId":"%s","planId":"test-monthly-eur","quantity":1,
         "when":"NOW","reason":"OTHER","contactName":"X","phone":"+33123456789","language":"en","preferredTimeWindow":"x",
         "autoRenew":false,"displayName":"X","email":"sweep@example.org","members":[{"displayName":"Y","email":"y@example.org"}],
         "token":"tok","brand":"Visa","last4":"4242","expiryMonth":12,"expiryYear":2035,"date":"2026-04-10","notes":"n","note":"n"}
        """.formatted(victimSub.id(), victim.members().get(0), victim.card());

    int calls = 0;
    for (String username : accountsToTry) {
      for (Operation op : operations()) {
        if (op.path().startsWith("/api/v1/support") || op.path().startsWith("/api/v1/operator") || op.path().equals("/api/v1/tenants")) {
          continue; // operator-side, refused by role for every tenant account (checked below)
        }
        boolean targetsVictim = op.path().contains("{");
        String path = op.path()
            .replace("{changeId}", change)
            .replace("{tenantId}", victim.id().toString())
            .replace("{memberId}", victim.members().get(0).toString())
            .replace("{id}", op.path().startsWith("/api/v1/invoices") ? invoice
                : op.path().startsWith("/api/v1/callback-requests") ? callback.id().toString() : victimSub.id().toString());
        MockHttpServletResponse response = mvc.perform(request(op.method(), path)
                .contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user(accounts.loadUserByUsername(username))))
            .andReturn().getResponse();
        calls++;
        // A problem's "instance" repeats the path the caller sent; everything else must be clean.
        String answer = response.getContentAsString().replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String id : victimIds) {
          assertThat(answer).as(username + " " + op).doesNotContain(id);
        }
        if (targetsVictim) {
          assertThat(response.getStatus()).as(username + " " + op).isIn(403, 404);
        }
      }
    }
    for (String path : List.of("/api/v1/support/callback-requests", "/api/v1/operator/billing-runs", "/api/v1/tenants")) {
      MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_JSON).content(body)
          .with(user(accounts.loadUserByUsername(attacker.admin())))).andReturn().getResponse();
      assertThat(response.getStatus()).as(path).isEqualTo(403);
    }
    assertThat(calls).isGreaterThan(60);
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(before);
  }

  @Test
  void a_reader_changes_nothing_with_any_operation() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 2);
    String change = scheduledChange(s);
    String reader = tenants.account(org, Role.READER);
    String before = TenantFingerprint.of(jdbc, org.id());
    for (Operation op : operations()) {
      if (op.method() == HttpMethod.GET) {
        continue;
      }
      String path = op.path().replace("{changeId}", change).replace("{id}", s.id().toString()).replace("{memberId}", org.members().get(0).toString())
          .replace("{tenantId}", org.id().toString());
      MockHttpServletResponse response = mvc.perform(request(op.method(), path).contentType(MediaType.APPLICATION_JSON)
          .content("{\"memberIds\":[\"" + org.members().get(0) + "\"],\"autoRenew\":false,\"reason\":\"OTHER\"}")
          .with(user(accounts.loadUserByUsername(reader)))).andReturn().getResponse();
      assertThat(response.getStatus()).as(op.toString()).isEqualTo(403);
    }
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  /** A pending reduction to 4 licenses at the renewal, so the scheduled-change operations have a target. */
  private String scheduledChange(Subscription s) {
    return transaction.execute(st -> subscriptions.scheduleChange(
        subscriptions.lock(s.tenant(), s.id()), ScheduledChange.Kind.QUANTITY, 4, null, "t")).id().toString();
  }
}
