package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import db.migration.common.V1301__billing_credits_return_on_billing_date;
import java.sql.Connection;
import javax.sql.DataSource;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisation's billing cycle on a real database: the first paid period sets the billing day,
 * every credit comes back on the next billing date whatever the subscription's frequency, and the
 * billing run of that date (not the day before) returns it.
 */
class BillingCycleIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired LifecycleService lifecycle;
  @Autowired TenantService tenantService;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private void at(String isoDate) {
    clock.set(Instant.parse(isoDate + "T10:00:00Z"));
  }

  private Subscription annual(Given org, int quantity) {
    return subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, quantity, org.card(), "test");
  }

  private LocalDate cancelNow(Given org, Subscription s) {
    return cancellations
        .cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null))
        .decision().preview().creditReturnedOn();
  }

  private Credit onlyCredit(Given org) {
    return billing.credits(org.id()).get(0);
  }

  @Test
  void an_annual_subscription_cancelled_on_its_anniversary_returns_its_credit_on_the_next_monthly_billing_date() {
    Given birch = tenants.tenant(0);
    at("2026-11-28");
    Subscription s = annual(birch, 2); // 200.00 for 28 Nov 2026 – 28 Nov 2027: the billing day is the 28th
    assertThat(tenantService.billingDay(birch.id())).contains(28);

    LocalDate previewed = cancelNow(birch, s);

    assertThat(previewed).isEqualTo(LocalDate.of(2026, 12, 28)); // not 28 Nov 2027, the end of the annual period
    Credit credit = onlyCredit(birch);
    assertThat(credit.returnOn()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(credit.amount()).isEqualTo(Money.of(19_945, "EUR")); // 200.00 × 364/365: today counts as used
    runs.run(LocalDate.of(2026, 12, 27));
    assertThat(onlyCredit(birch).status()).isEqualTo(Credit.Status.PENDING);
    assertThat(billing.refunds(birch.id())).isEmpty();

    runs.run(LocalDate.of(2026, 12, 28));

    assertThat(onlyCredit(birch).status()).isEqualTo(Credit.Status.REFUNDED);
    assertThat(billing.invoices(birch.id())).filteredOn(i -> i.kind().equals("CREDIT_NOTE")).singleElement()
        .satisfies(note -> assertThat(note.date()).isEqualTo(LocalDate.of(2026, 12, 28)));
    assertThat(billing.refunds(birch.id())).singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualTo(Money.of(19_945, "EUR")));
  }

  @Test
  void an_annual_credit_is_a_negative_line_on_the_billing_dates_invoice_when_a_renewal_is_invoiced_that_day() {
    Given org = tenants.tenant(0);
    at("2026-10-28");
    tenants.subscription(org, 15, 0); // monthly 150.00: the billing day is the 28th, renews 28 Nov
    at("2026-11-15");
    Subscription yearly = annual(org, 1); // 100.00 for 15 Nov 2026 – 15 Nov 2027
    at("2026-11-20");
    cancelNow(org, yearly); // 100.00 × 359/365 = 98.36 back

    assertThat(onlyCredit(org).returnOn()).isEqualTo(LocalDate.of(2026, 11, 28));
    runs.run(LocalDate.of(2026, 11, 28));

    Invoice nov28 = billing.invoices(org.id()).stream()
        .filter(i -> i.date().equals(LocalDate.of(2026, 11, 28))).findFirst().orElseThrow();
    Invoice full = billing.invoice(org.id(), nov28.id());
    assertThat(full.kind()).isEqualTo("INVOICE");
    assertThat(full.lines()).extracting(Invoice.Line::kind).containsExactly("CHARGE", "CREDIT");
    assertThat(full.lines().get(1).amount()).isEqualTo(Money.of(-9_836, "EUR"));
    assertThat(full.total()).isEqualTo(Money.of(15_000 - 9_836, "EUR"));
    assertThat(onlyCredit(org).status()).isEqualTo(Credit.Status.APPLIED);
    assertThat(billing.refunds(org.id())).isEmpty();
  }

  @Test
  void a_monthly_subscriptions_credit_also_waits_for_the_billing_date_not_its_own_period_end() {
    Given org = tenants.tenant(0);
    at("2026-02-20");
    Subscription first = tenants.subscription(org, 1, 0); // the billing day is the 20th
    at("2026-02-21");
    cancelNow(org, first);
    at("2026-03-10");
    Subscription second = tenants.subscription(org, 3, 0); // 30.00 for 10 Mar – 10 Apr
    at("2026-03-12");

    LocalDate previewed = cancelNow(org, second);

    assertThat(previewed).isEqualTo(LocalDate.of(2026, 3, 20)); // its own period ends 10 Apr
    assertThat(billing.credits(org.id())).extracting(Credit::returnOn)
        .containsOnly(LocalDate.of(2026, 3, 20));
    runs.run(LocalDate.of(2026, 3, 20));
    assertThat(billing.credits(org.id())).extracting(Credit::status).containsOnly(Credit.Status.REFUNDED);
  }

  @Test
  void a_billing_day_of_31_returns_an_april_credit_on_30_april() {
    Given org = tenants.tenant(0);
    at("2026-01-31");
    tenants.subscription(org, 1, 0); // the billing day is the 31st
    at("2026-04-05");
    Subscription later = tenants.subscription(org, 2, 0); // a later purchase does not move the billing day
    at("2026-04-12");

    assertThat(cancelNow(org, later)).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(tenantService.billingDay(org.id())).contains(31);
    assertThat(tenantService.nextBillingDate(org.id())).contains(LocalDate.of(2026, 4, 30));
  }

  @Test
  void a_trial_converted_by_the_nightly_lifecycle_sets_the_billing_day_at_the_billing_run() {
    Given org = tenants.tenant(0);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "test");
    assertThat(tenantService.billingDay(org.id())).isEmpty();
    LocalDate end = trial.trialEnd();
    clock.set(end.atTime(12, 0).atZone(java.time.ZoneOffset.UTC).toInstant());

    lifecycle.run(end);
    runs.run(end);

    assertThat(tenantService.billingDay(org.id())).contains(end.getDayOfMonth());
  }

  @Test
  void the_billing_profile_api_shows_the_billing_day_and_next_date_to_every_role_and_nulls_before_a_purchase()
      throws Exception {
    Given org = tenants.tenant(0);
    String reader = tenants.account(org, Role.READER);
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(reader, "password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.billingDay").doesNotExist())
        .andExpect(jsonPath("$.nextBillingDate").doesNotExist());
    at("2026-11-28");
    annual(org, 1);
    at("2026-12-03");
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(reader, "password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.billingDay").value(28))
        .andExpect(jsonPath("$.nextBillingDate").value("2026-12-28"));
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.billingDay").value(28));
  }

  @Test
  void the_migration_moves_a_pending_credit_waiting_for_its_period_end_to_the_billing_date_after_it_was_recorded()
      throws Exception {
    Given org = tenants.tenant(0);
    at("2026-11-28");
    Subscription s = annual(org, 2);
    cancelNow(org, s);
    Given early = tenants.tenant(0); // a credit already due earlier than the billing date stays
    Subscription e = annual(early, 1);
    cancelNow(early, e);
    setReturnOn(org, LocalDate.of(2027, 11, 28)); // as the old rule recorded it: the annual period's end
    setReturnOn(early, LocalDate.of(2026, 12, 1));

    migrate();

    assertThat(onlyCredit(org).returnOn()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(onlyCredit(early).returnOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    migrate(); // a second pass changes nothing
    assertThat(onlyCredit(org).returnOn()).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  private void setReturnOn(Given org, LocalDate day) {
    jdbc.sql("update credit set return_on = :day where tenant_id = :t").param("day", day).param("t", org.id().value())
        .update();
  }

  private void migrate() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      new V1301__billing_credits_return_on_billing_date().migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }
  }
}
