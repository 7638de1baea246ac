package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's run by date (API and run-once command): a date after today at UTC+14, or more
 * than a year back, is refused and changes nothing anywhere; today at UTC+14 and a catch-up run;
 * a run that stops in billing says exactly what the lifecycle step applied, and a rerun completes it.
 * The clock stands at 2026-03-10 10:00 UTC, which is already 2026-03-11 at UTC+14.
 */
class OperatorRunIT extends DatabaseIT {

  @Autowired JdbcClient jdbc;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired CatalogService catalog;
  @Autowired OperatorRunService runs;
  @Autowired MessageSource messages;
  @Autowired ConfigurableApplicationContext context;

  private String operator;
  private Given org;

  @BeforeEach
  void anOperatorAndATenantWithWorkDue() {
    // Issue 17 runs: a past day whose run succeeded is refused; other classes' runs must not count.
    jdbc.sql("delete from billing_run_log_total").update();
    jdbc.sql("delete from billing_run_log").update();
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(
        s -> accounts.createOperatorAccount(new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "Quiet-Harbor-Lantern-42"));
    org = tenants.tenant(0);
    // Work a run far ahead would do: a renewal on 10 April, a trial ending 9 April, a pending credit.
    tenants.subscription(org, 2, 0);
    subscriptions.startTrial(org.id(), TestTenants.ANNUAL_PLAN, org.card(), "test");
    Subscription cancelled = tenants.subscription(org, 1, 0);
    cancellations.cancel(org.id(), cancelled.id(), new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
  }

  private ResultActions runFor(String date) throws Exception {
    return mvc.perform(post("/api/v1/operator/billing-runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"date\":\"" + date + "\"}").with(httpBasic(operator, "Quiet-Harbor-Lantern-42")));
  }

  /** Every table a run writes, whole: any change by any run for any tenant changes this. */
  private String everything() {
    return String.join("|", List.of(
        "select status || ':' || count(*) || ':' || coalesce(max(current_period_end), date '1970-01-01') "
            + "from subscription group by status order by status",
        "select count(*) || ':' || coalesce(sum(total_minor), 0) from invoice",
        "select count(*) || ':' || coalesce(sum(amount_minor), 0) from invoice_line",
        "select status || ':' || count(*) from credit group by status order by status",
        "select count(*) || '' from payment",
        "select count(*) || '' from refund",
        "select count(*) || '' from audit_event",
        "select count(*) || '' from license_assignment").stream()
        .map(sql -> String.join(",", jdbc.sql(sql).query(String.class).list()))
        .toList()) + "|" + TenantFingerprint.of(jdbc, org.id());
  }

  @ParameterizedTest
  @CsvSource({
    "9999-12-31, RUN_DATE_AFTER_TODAY",
    "+999999999-12-31, RUN_DATE_AFTER_TODAY",
    "2026-03-12, RUN_DATE_AFTER_TODAY", // tomorrow at UTC+14
    "-999999999-01-01, RUN_DATE_TOO_EARLY",
    "0000-01-01, RUN_DATE_TOO_EARLY",
    "2025-03-10, RUN_DATE_TOO_EARLY",
  })
  void a_run_dated_after_today_anywhere_or_over_a_year_back_is_refused_and_changes_nothing(String date, String code)
      throws Exception {
    String before = everything();
    runFor(date)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString(
            code.equals("RUN_DATE_AFTER_TODAY") ? "March 11, 2026" : "March 11, 2025")));
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void the_run_once_command_obeys_the_same_rule_and_exits_non_zero() {
    RunOnceCommand command = new RunOnceCommand(runs, messages, context);
    String before = everything();
    for (String date : List.of("9999-12-31", "+999999999-12-31", "2026-03-12", "0000-01-01", "-999999999-01-01", "tomorrow", "")) {
      assertThat(command.runOnce(date)).as(date).isEqualTo(RunOnceCommand.REFUSED);
    }
    assertThat(everything()).isEqualTo(before);
    assertThat(command.runOnce("2026-03-11")).isEqualTo(RunOnceCommand.DONE);
  }

  @Test
  void today_at_utc_plus_14_and_a_catch_up_date_run_and_answer_what_each_step_did() throws Exception {
    runFor("2026-03-01")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lifecycle.day").value("2026-03-01"))
        .andExpect(jsonPath("$.billing.date").value("2026-03-01"));
    runFor("2026-03-11") // still the 10th in UTC and in Paris: the latest today is allowed
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lifecycle.trialsConverted").isNumber())
        .andExpect(jsonPath("$.billing.tenants").isNumber())
        .andExpect(jsonPath("$.billing.charges").isNumber());
  }

  @Test
  void a_run_that_stops_in_billing_says_what_the_lifecycle_applied_and_a_rerun_completes_it() throws Exception {
    // A trial that converts on 10 March, and a renewal due that day whose charge cannot be computed
    // (a price no API accepts, written straight into the catalog): billing fails after the lifecycle.
    String plan = "poison-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.addPlan(new Plan(plan, "poison-product", "Poison", Money.of(1000, "EUR"), BillingFrequency.MONTHLY,
        BillingFrequency.MONTHLY, 30, 25));
    clock.set(Instant.parse("2026-02-08T10:00:00Z"));
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "test");
    clock.set(Instant.parse("2026-02-10T10:00:00Z"));
    Subscription renewing = subscriptions.purchase(org.id(), plan, 3, org.card(), "test");
    clock.set(START);
    jdbc.sql("update plan set unit_price_minor = 4000000000000000000 where plan_id = :p").param("p", plan).update();
    try {
      runFor("2026-03-10")
          .andExpect(status().isInternalServerError())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("RUN_STOPPED_IN_BILLING"))
          .andExpect(jsonPath("$.failedStep").value("BILLING"))
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("Run the same date again")))
          .andExpect(jsonPath("$.lifecycle.trialsConverted").value(Matchers.greaterThanOrEqualTo(1)))
          .andExpect(jsonPath("$.billing.date").value("2026-03-10"));
      assertThat(statusOf(trial)).as("the lifecycle step stays applied").isEqualTo(SubscriptionStatus.ACTIVE);
      assertThat(charges(trial)).as("the batch that failed is rolled back").isZero();
      assertThat(new RunOnceCommand(runs, messages, context).runOnce("2026-03-10")).isEqualTo(RunOnceCommand.INCOMPLETE);
    } finally {
      jdbc.sql("update plan set unit_price_minor = 1000 where plan_id = :p").param("p", plan).update();
    }
    runFor("2026-03-10").andExpect(status().isOk());
    assertThat(charges(trial)).as("the rerun completes the run").isEqualTo(1);
    assertThat(charges(renewing)).as("first period and the renewal, once each").isEqualTo(2);
  }

  private SubscriptionStatus statusOf(Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription().status();
  }

  private long charges(Subscription s) {
    return jdbc.sql("select count(*) from invoice_line where tenant_id = :t and subscription_id = :s and kind = 'CHARGE'")
        .param("t", org.id().value()).param("s", s.id().value()).query(Long.class).single();
  }
}
