package org.billingcenter.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The specification's cancellation story on a real database, through the service and the API. */
class CancellationIT extends DatabaseIT {

  @Autowired CancellationService cancellations;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired AuditLog audit;
  @Autowired CatalogService catalog;
  @Autowired JdbcClient jdbc;

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Test
  void the_preview_is_exactly_what_the_cancellation_does() {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 5, 3); // 10.00 × 5, period 10 Mar – 10 Apr
    clock.advance(Duration.ofDays(10)); // 20 March in Paris

    CancellationService.Check preview = cancellations.check(org.id(), s.id(), ADMIN, CancelWhen.NOW);
    CancellationService.Check done =
        cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.TOO_EXPENSIVE, "x"));

    assertThat(done.decision().preview()).usingRecursiveComparison().isEqualTo(preview.decision().preview());
    assertThat(preview.decision().preview().credit()).isEqualTo(Money.of(3_226, "EUR")); // 50.00 × 20/31
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.DISABLED);
    assertThat(subscriptions.get(org.id(), s.id()).assignedLicenses()).isZero();
    List<Credit> credits = billing.credits(org.id());
    assertThat(credits).singleElement().satisfies(c -> {
      assertThat(c.amount()).isEqualTo(preview.decision().preview().credit());
      assertThat(c.returnOn()).isEqualTo(preview.decision().preview().creditReturnedOn());
      assertThat(c.status()).isEqualTo(Credit.Status.PENDING);
    });
    assertThat(preview.membersLosingAccess()).extracting(m -> m.id()).containsExactlyInAnyOrderElementsOf(org.members().subList(0, 3));
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .extracting(e -> e.action())
        .contains("SUBSCRIPTION_CANCELLED", "LICENSES_RELEASED");
  }

  @Test
  void the_credit_waits_for_the_organisations_billing_date_even_when_another_subscription_renews_sooner() {
    Given org = tenants.tenant(2);
    clock.set(java.time.Instant.parse("2026-02-05T10:00:00Z"));
    tenants.subscription(org, 1, 0); // the first purchase, 5 February: the billing day is the 5th
    clock.set(java.time.Instant.parse("2026-02-18T10:00:00Z"));
    tenants.subscription(org, 1, 0); // renews 18 March
    clock.set(START);
    Subscription first = tenants.subscription(org, 2, 1); // 10 March – 10 April
    clock.set(START.plus(Duration.ofDays(2)));
    var decision = cancellations.check(org.id(), first.id(), ADMIN, CancelWhen.NOW).decision();
    assertThat(decision.preview().creditReturnedOn()).isEqualTo(LocalDate.of(2026, 4, 5));
  }

  @Test
  void twenty_five_licenses_refuse_then_removing_one_allows() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = tenants.subscription(org, 30, 25);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("TOO_MANY_LICENSES"))
        .andExpect(jsonPath("$.licensesToRemove").value(1))
        .andExpect(jsonPath("$.removeLicenses.href").value("/api/v1/subscriptions/" + s.id() + "/licenses/unassign"))
        .andExpect(jsonPath("$.requestCallback.href").value("/api/v1/callback-requests"))
        .andExpect(jsonPath("$.message").value(containsString("Remove 1 license from users")));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("TOO_MANY_LICENSES"));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);

    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/unassign")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"memberIds\":[\"" + org.members().get(0) + "\"]}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.outcome").value("ALLOWED"))
        .andExpect(jsonPath("$.assignedLicenses").value(24))
        .andExpect(jsonPath("$.preview.membersLosingAccess.length()").value(24));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"reason\":\"SWITCHED_SERVICE\"}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"));
    mvc.perform(get("/api/v1/credits").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$[0].subscriptionId").value(s.id().toString()))
        .andExpect(jsonPath("$[0].status").value("PENDING"))
        .andExpect(jsonPath("$[0].amount.amountMinor").value(29_032)); // 300.00 × 30/31 = 290.32
  }

  @Test
  void a_trial_answers_nothing_to_cancel_in_the_callers_language() throws Exception {
    Given org = tenants.tenant(0);
    Subscription trial = subscriptions.startTrial(org.id(), "test-monthly-eur", null, "t");
    mvc.perform(get("/api/v1/subscriptions/" + trial.id() + "/cancellation")
            .header("Accept-Language", "fr-FR")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.outcome").value("NOTHING_TO_CANCEL_TRIAL"))
        .andExpect(jsonPath("$.trial.endsOn").value("2026-04-09"))
        .andExpect(jsonPath("$.trial.convertsToPaid").value(false))
        .andExpect(jsonPath("$.message").value(containsString("9 avril 2026")));
  }

  @Test
  void a_reader_sees_the_decision_and_can_change_nothing() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    String reader = tenants.account(org, Role.READER);
    String userAdmin = tenants.account(org, Role.USER_ADMIN);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(reader, "password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("NOT_PERMITTED"));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(reader, "password")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(userAdmin, "password")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/unassign")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"memberIds\":[\"" + org.members().get(0) + "\"]}")
            .with(httpBasic(reader, "password")))
        .andExpect(status().isForbidden());
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  @Test
  void another_tenant_cannot_see_or_cancel() throws Exception {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(1);
    Subscription theirs = tenants.subscription(b, 2, 1);
    mvc.perform(get("/api/v1/subscriptions/" + theirs.id() + "/cancellation").with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/subscriptions/" + theirs.id() + "/cancellation").with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isNotFound());
    assertThat(subscriptions.get(b.id(), theirs.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  @Test
  void end_of_term_keeps_access_shows_the_end_date_and_can_be_undone() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 2);
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"END_OF_TERM\",\"reason\":\"UNUSED\"}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preview.effectiveOn").value("2026-04-10"))
        .andExpect(jsonPath("$.message").value(containsString("will end on April 10, 2026")))
        .andExpect(jsonPath("$.preview.credit.amountMinor").value(0));
    Subscription ending = subscriptions.get(org.id(), s.id()).subscription();
    assertThat(ending.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(ending.scheduledCancelOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(ending.autoRenew()).isFalse();
    assertThat(tenants.assigned(org, s)).isEqualTo(2);
    assertThat(billing.credits(org.id())).isEmpty();
    mvc.perform(get("/api/v1/subscriptions/" + s.id()).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.endsOn").value("2026-04-10"));

    mvc.perform(delete("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNoContent());
    Subscription renewing = subscriptions.get(org.id(), s.id()).subscription();
    assertThat(renewing.scheduledCancelOn()).isNull();
    assertThat(renewing.autoRenew()).isTrue();
  }

  private ResultActions cancelWithKey(Given org, Subscription s, String key, String body) throws Exception {
    return mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .with(httpBasic(org.admin(), org.password())));
  }

  @Test
  void an_idempotency_key_replays_the_first_answer_and_refuses_another_body() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    String first =
        cancelWithKey(org, s, "k-1", "{\"reason\":\"OTHER\"}")
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    String replay =
        cancelWithKey(org, s, "k-1", "{\"reason\":\"OTHER\"}")
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn().getResponse().getContentAsString();
    assertThat(replay).isEqualTo(first);
    assertThat(JsonPath.<String>read(first, "$.outcome")).isEqualTo("ALLOWED");
    cancelWithKey(org, s, "k-1", "{\"reason\":\"TOO_EXPENSIVE\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SUBSCRIPTION_CANCELLED"))
        .hasSize(1);
    // Keys belong to a tenant: the same key elsewhere is a new request.
    Given other = tenants.tenant(0);
    cancelWithKey(other, tenants.subscription(other, 1, 0), "k-1", "{\"reason\":\"OTHER\"}")
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
  }

  @Test
  void a_support_engineer_cancels_above_the_threshold_only_with_a_note() {
    Given org = tenants.tenant(26);
    Subscription s = tenants.subscription(org, 30, 26);
    Canceller noNote = new Canceller("sam", Set.of(Role.SUPPORT_ENGINEER), " ");
    assertThatThrownBy(() -> cancellations.cancel(org.id(), s.id(), noNote, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null)))
        .isInstanceOf(Rejected.class);
    Canceller sam = new Canceller("sam", Set.of(Role.SUPPORT_ENGINEER), "Called back; customer confirmed");
    cancellations.cancel(org.id(), s.id(), sam, new CancellationService.Request(CancelWhen.NOW, LeavingReason.MISSING_FEATURES, null));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.DISABLED);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SUBSCRIPTION_CANCELLED"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("sam");
          assertThat(e.reason()).contains("Called back; customer confirmed");
        });
  }

  @Test
  void the_credit_uses_the_price_billed_for_the_period_not_todays_catalog_price() {
    String planId = "price-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.addPlan(new Plan(planId, "price-product", "Test Product", Money.of(1000, "EUR"),
        BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), planId, 2, org.card(), "t"); // 20.00 for 10 Mar – 10 Apr
    jdbc.sql("update plan set unit_price_minor = 99900 where plan_id = :plan").param("plan", planId).update();
    clock.advance(Duration.ofDays(10));
    var preview = cancellations.check(org.id(), s.id(), ADMIN, CancelWhen.NOW).decision().preview();
    assertThat(preview.credit()).isEqualTo(Money.of(1_290, "EUR")); // 20.00 × 20/31 = 12.90
  }

  @Test
  void cancelling_twice_is_refused_as_already_ended() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 1, 0);
    var request = new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null);
    cancellations.cancel(org.id(), s.id(), ADMIN, request);
    assertThatThrownBy(() -> cancellations.cancel(org.id(), s.id(), ADMIN, request))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(CancellationOutcome.ALREADY_ENDED);
    assertThat(billing.credits(org.id())).hasSize(1);
  }
}
