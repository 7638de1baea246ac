package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Plan and billing-frequency changes on a real database, through the service and the API. */
class PlanChangeIT extends DatabaseIT {

  static final String PREMIUM = "plan-it-premium-eur";
  static final String CAPPED = "plan-it-capped-eur";
  static final String DOLLARS = "plan-it-premium-usd";
  static final PlanChanger ADMIN = new PlanChanger("admin", Set.of(Role.GLOBAL_ADMIN));

  @Autowired PlanChangeService planChanges;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired CatalogService catalog;
  @Autowired AuditLog audit;

  @BeforeEach
  void plans() {
    tenants.tenant(0); // the test plans of TestTenants exist from here on
    List<String> existing = catalog.plans().stream().map(Plan::id).toList();
    if (!existing.contains(PREMIUM)) {
      catalog.addPlan(plan(PREMIUM, "plan-it-premium", Money.of(2200, "EUR"), null, 5));
      catalog.addPlan(plan(CAPPED, "plan-it-capped", Money.of(3000, "EUR"), 3, 6));
      catalog.addPlan(plan(DOLLARS, "plan-it-premium", Money.of(2200, "USD"), null, 5));
    }
  }

  static Plan plan(String id, String product, Money price, Integer max, int rank) {
    return new Plan(id, product, "Plan IT " + product, price, BillingFrequency.MONTHLY, BillingFrequency.MONTHLY,
        30, 25, max, rank);
  }

  static PlanChangeService.Request to(String planId) {
    return new PlanChangeService.Request(planId);
  }

  @Test
  void an_upgrade_mid_period_does_exactly_what_its_preview_said() {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 5, 3); // 10.00 × 5, period 10 March – 10 April
    clock.advance(Duration.ofDays(10)); // 20 March in Paris: 20 of 31 days unused

    PlanChangeDecision preview = planChanges.check(org.id(), s.id(), ADMIN, PREMIUM);
    PlanChangeDecision done = planChanges.change(org.id(), s.id(), ADMIN, to(PREMIUM));

    assertThat(done).usingRecursiveComparison().isEqualTo(preview);
    PlanChangePreview p = preview.preview();
    assertThat(p.when()).isEqualTo(PlanChangeWhen.NOW);
    assertThat(p.credit()).isEqualTo(Money.of(3226, "EUR")); // 50.00 × 20/31
    assertThat(p.charge()).isEqualTo(Money.of(7097, "EUR")); // 110.00 × 20/31
    assertThat(p.invoiceOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(p.creditReturnOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    Subscription after = subscriptions.get(org.id(), s.id()).subscription();
    assertThat(after.planId()).isEqualTo(PREMIUM);
    assertThat(after.currentPeriod()).isEqualTo(s.currentPeriod());
    assertThat(after.quantity()).isEqualTo(5);
    assertThat(tenants.assigned(org, s)).isEqualTo(3); // the licenses moved with the subscription
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> {
      assertThat(c.amount()).isEqualTo(p.credit());
      assertThat(c.returnOn()).isEqualTo(p.creditReturnOn()); // the billing date: day 10, the first purchase's
      assertThat(c.status()).isEqualTo(Credit.Status.PENDING);
    });
    assertThat(billing.chargeFor(org.id(), s.id(), s.currentPeriod().start()).orElseThrow().unitPrice())
        .isEqualTo(Money.of(2200, "EUR"));
    assertThat(audit.history(org.id(), "subscription", s.id().toString())).extracting(e -> e.action())
        .contains("PLAN_CHANGED", "PLAN_CHANGED_NOW");
  }

  @Test
  void a_downgrade_is_scheduled_for_the_renewal_and_moves_no_money_now() {
    Given org = tenants.tenant(2);
    Subscription s = subscriptions.purchase(org.id(), PREMIUM, 4, org.card(), TestTenants.ACTOR);
    clock.advance(Duration.ofDays(3));

    PlanChangeDecision preview = planChanges.check(org.id(), s.id(), ADMIN, TestTenants.MONTHLY_PLAN);
    PlanChangeDecision done = planChanges.change(org.id(), s.id(), ADMIN, to(TestTenants.MONTHLY_PLAN));

    assertThat(done).usingRecursiveComparison().isEqualTo(preview);
    assertThat(done.preview().when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    assertThat(done.preview().effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().planId()).isEqualTo(PREMIUM);
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ScheduledChange.Kind.PLAN);
      assertThat(c.planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
      assertThat(c.effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    });
    assertThat(billing.credits(org.id())).isEmpty();
  }

  @Test
  void the_billing_frequency_changes_at_the_renewal_both_ways() {
    Given org = tenants.tenant(1);
    Subscription monthly = tenants.subscription(org, 3, 1);
    PlanChangeDecision toAnnual = planChanges.changeFrequency(org.id(), monthly.id(), ADMIN);
    assertThat(toAnnual.to().id()).isEqualTo(TestTenants.ANNUAL_PLAN);
    assertThat(toAnnual.preview().when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    assertThat(subscriptions.pendingChanges(org.id(), monthly.id())).extracting(ScheduledChange::planId)
        .containsExactly(TestTenants.ANNUAL_PLAN);

    Subscription annual = subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, 2, org.card(), TestTenants.ACTOR);
    PlanChangeDecision preview = planChanges.checkFrequency(org.id(), annual.id(), ADMIN);
    PlanChangeDecision toMonthly = planChanges.changeFrequency(org.id(), annual.id(), ADMIN);
    assertThat(toMonthly).usingRecursiveComparison().isEqualTo(preview);
    assertThat(toMonthly.preview().effectiveOn()).isEqualTo(LocalDate.of(2027, 3, 10));
    assertThat(toMonthly.preview().newFrequency()).isEqualTo(BillingFrequency.MONTHLY);
  }

  @Test
  void a_product_with_one_frequency_has_no_other_to_change_to() {
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), PREMIUM, 1, org.card(), TestTenants.ACTOR);
    assertThat(planChanges.checkFrequency(org.id(), s.id(), ADMIN).refusal()).isEqualTo(PlanChangeRefusal.NO_OTHER_FREQUENCY);
    assertThatThrownBy(() -> planChanges.changeFrequency(org.id(), s.id(), ADMIN))
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(PlanChangeRefusal.NO_OTHER_FREQUENCY));
  }

  @Test
  void upgrades_are_the_higher_ranks_in_the_subscriptions_currency() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 1, 0);
    assertThat(planChanges.upgradesFor(org.id(), s.id())).extracting(Plan::id).contains(PREMIUM, CAPPED)
        .doesNotContain(DOLLARS, TestTenants.MONTHLY_PLAN);
    List<Plan> choices = planChanges.choicesFor(org.id(), s.id());
    assertThat(choices.indexOf(catalog.plan(PREMIUM))).isLessThan(choices.indexOf(catalog.plan(TestTenants.ANNUAL_PLAN)));
  }

  @Test
  void the_api_previews_then_changes_and_a_replay_does_not_charge_twice() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 1);
    clock.advance(Duration.ofDays(10));
    String path = "/api/v1/subscriptions/" + s.id() + "/plan-change";
    mvc.perform(get(path).param("planId", PREMIUM).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allowed").value(true))
        .andExpect(jsonPath("$.preview.when").value("NOW"))
        .andExpect(jsonPath("$.preview.credit.amountMinor").value(1290)) // 20.00 × 20/31
        .andExpect(jsonPath("$.preview.charge.amountMinor").value(2839)) // 44.00 × 20/31
        .andExpect(jsonPath("$.preview.invoiceOn").value("2026-04-10"))
        .andExpect(jsonPath("$.preview.creditReturnOn").value("2026-04-10"))
        .andExpect(jsonPath("$.preview.membersKeepingLicenses").value(1));
    for (int i = 0; i < 2; i++) {
      mvc.perform(post(path).header("Idempotency-Key", "upgrade-" + s.id())
              .contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + PREMIUM + "\"}")
              .with(httpBasic(org.admin(), org.password())))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.allowed").value(true))
          .andExpect(jsonPath("$.toPlanId").value(PREMIUM))
          .andExpect(jsonPath("$.preview.credit.amountMinor").value(1290));
    }
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("PLAN_CHANGED_NOW")).hasSize(1);
    // Without the key, the same request is judged afresh: it is the plan already.
    mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + PREMIUM + "\"}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("SAME_PLAN"));
  }

  @Test
  void refusals_are_problems_with_a_stable_code() throws Exception {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 5, 5);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.ANNUAL_PLAN, null, TestTenants.ACTOR);
    String path = "/api/v1/subscriptions/" + s.id() + "/plan-change";
    postPlan(org, path, CAPPED).andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("ABOVE_MAXIMUM"))
        .andExpect(jsonPath("$.maximum").value(3))
        .andExpect(jsonPath("$.licensesToUnassign").value(2))
        .andExpect(jsonPath("$.licensesToRemove").value(2));
    mvc.perform(get(path).param("planId", CAPPED).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.allowed").value(false))
        .andExpect(jsonPath("$.code").value("ABOVE_MAXIMUM"))
        .andExpect(jsonPath("$.licensesToUnassign").value(2));
    postPlan(org, path, "no-such-plan").andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
    postPlan(org, path, TestTenants.MONTHLY_PLAN).andExpect(jsonPath("$.code").value("SAME_PLAN"));
    postPlan(org, path, DOLLARS).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("CURRENCY_MISMATCH"));
    postPlan(org, path, " ").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    postPlan(org, "/api/v1/subscriptions/" + trial.id() + "/plan-change", PREMIUM).andExpect(jsonPath("$.code").value("TRIAL"));
    subscriptions.setAutoRenew(org.id(), s.id(), false, TestTenants.ACTOR);
    postPlan(org, path, TestTenants.ANNUAL_PLAN).andExpect(jsonPath("$.code").value("RENEWAL_OFF"));
    String reader = tenants.account(org, Role.READER);
    mvc.perform(get(path).param("planId", PREMIUM).with(httpBasic(reader, "password")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
    mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + PREMIUM + "\"}")
            .with(httpBasic(reader, "password")))
        .andExpect(status().isForbidden());
    assertThat(subscriptions.get(org.id(), s.id()).subscription().planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(billing.credits(org.id())).isEmpty();
  }

  @Test
  void two_simultaneous_plan_changes_serialise_on_the_subscription() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 2);
    clock.advance(Duration.ofDays(5));
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      PlanChanger who = new PlanChanger("admin-" + i, Set.of(Role.BILLING_ADMIN));
      results.add(pool.submit(() -> {
        start.await();
        try {
          planChanges.change(org.id(), s.id(), who, to(PREMIUM));
          return "changed";
        } catch (Rejected refused) {
          return refused.reason().code();
        }
      }));
    }
    start.countDown();
    List<String> outcomes = new java.util.ArrayList<>();
    for (var result : results) {
      outcomes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    pool.shutdown();
    // Each waits for the lock and decides again on what the one before it did.
    assertThat(outcomes).containsOnlyOnce("changed");
    assertThat(outcomes).filteredOn(o -> !o.equals("changed")).containsOnly("SAME_PLAN");
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("PLAN_CHANGED_NOW")).hasSize(1);
  }

  @Test
  void another_organisations_subscription_is_not_found() throws Exception {
    Given org = tenants.tenant(1);
    Given other = tenants.tenant(1);
    Subscription theirs = tenants.subscription(other, 1, 0);
    String path = "/api/v1/subscriptions/" + theirs.id() + "/plan-change";
    mvc.perform(get(path).param("planId", PREMIUM).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("SUBSCRIPTION_NOT_FOUND"));
    postPlan(org, path, PREMIUM).andExpect(status().isNotFound());
    assertThat(subscriptions.get(other.id(), theirs.id()).subscription().planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
  }

  private org.springframework.test.web.servlet.ResultActions postPlan(Given org, String path, String planId) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + planId + "\"}")
        .with(httpBasic(org.admin(), org.password())));
  }
}
