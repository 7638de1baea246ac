package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.Money;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Trials, term ends, expiry, disabling, deletion and reactivation as the daily job does them. */
class LifecycleIT extends DatabaseIT {

  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService runs;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired LicensingService licensing;
  @Autowired CancellationService cancellations;
  @Autowired AuditLog audit;

  private void day(String iso) {
    LocalDate date = LocalDate.parse(iso);
    clock.set(Instant.parse(iso + "T12:00:00Z"));
    lifecycle.run(date);
    runs.run(date);
  }

  private SubscriptionStatus status(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription().status();
  }

  @Test
  void a_trial_with_a_payment_method_converts_at_its_end_and_is_charged_that_day() {
    Given org = tenants.tenant(2);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "t"); // ends 9 April
    licensing.assign(org.id(), trial.id(), org.members(), "t");
    day("2026-04-08");
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.TRIAL);
    day("2026-04-09");
    Subscription paid = subscriptions.get(org.id(), trial.id()).subscription();
    assertThat(paid.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(paid.anchorDate()).isEqualTo(LocalDate.of(2026, 4, 9));
    assertThat(paid.currentPeriod().endExclusive()).isEqualTo(LocalDate.of(2026, 5, 9));
    assertThat(billing.invoices(org.id())).singleElement().satisfies(i -> {
      assertThat(i.date()).isEqualTo(LocalDate.of(2026, 4, 9));
      assertThat(i.total()).isEqualTo(Money.of(2 * 1000, "EUR")); // the 2 assigned, not the 25 of the trial
    });
    assertThat(licensing.assignedMembers(org.id(), trial.id())).hasSize(2);
    assertThat(audit.history(org.id(), "subscription", trial.id().toString())).extracting(e -> e.action()).contains("TRIAL_CONVERTED");
    day("2026-04-09");
    assertThat(billing.invoices(org.id())).hasSize(1);
  }

  @Test
  void a_trial_without_a_payment_method_expires_then_is_disabled_then_deleted() {
    Given org = tenants.tenant(2);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "t");
    licensing.assign(org.id(), trial.id(), org.members(), "t");
    day("2026-04-09");
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(billing.invoices(org.id())).isEmpty();
    day("2026-05-08");
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.EXPIRED);
    day("2026-05-09"); // 30 days later
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.DISABLED);
    day("2026-08-07"); // 90 days after that
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.DELETED);
    assertThat(licensing.assignedMembers(org.id(), trial.id())).isEmpty();
    assertThat(audit.history(org.id(), "subscription", trial.id().toString())).extracting(e -> e.action())
        .contains("TRIAL_EXPIRED", "EXPIRY_GRACE_ELAPSED", "RETENTION_ELAPSED");
  }

  @Test
  void with_recurring_billing_off_the_subscription_expires_at_term_end_instead_of_renewing() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 2, 0);
    subscriptions.setAutoRenew(org.id(), s.id(), false, "t");
    day("2026-04-10");
    assertThat(status(org, s)).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(billing.invoices(org.id())).extracting(Invoice::date).containsExactly(LocalDate.of(2026, 3, 10));
  }

  @Test
  void a_term_end_cancellation_ends_access_on_the_day_and_releases_the_seats() {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 2);
    cancellations.cancel(org.id(), s.id(), new Canceller("a", Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.END_OF_TERM, LeavingReason.UNUSED, null));
    day("2026-04-09");
    assertThat(status(org, s)).isEqualTo(SubscriptionStatus.ACTIVE);
    day("2026-04-10");
    assertThat(status(org, s)).isEqualTo(SubscriptionStatus.DISABLED);
    assertThat(licensing.assignedMembers(org.id(), s.id())).isEmpty();
    assertThat(billing.invoices(org.id())).hasSize(1);
  }

  @Test
  void an_expired_subscription_comes_back_with_a_payment_method_and_is_charged_anew() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 2, 0);
    subscriptions.setAutoRenew(org.id(), s.id(), false, "t");
    day("2026-04-10");
    clock.set(Instant.parse("2026-04-20T09:00:00Z"));
    Subscription back = subscriptions.reactivate(org.id(), s.id(), org.card(), "t");
    assertThat(back.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(back.currentPeriod().start()).isEqualTo(LocalDate.of(2026, 4, 20));
    assertThat(billing.invoices(org.id())).extracting(Invoice::date).contains(LocalDate.of(2026, 4, 20));
  }

  @Test
  void a_day_run_ahead_of_time_counts_the_grace_period_from_that_day() {
    Given org = tenants.tenant(0);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "t"); // ends 9 April
    clock.set(START); // the wall clock still says 10 March
    lifecycle.run(LocalDate.of(2026, 4, 9));
    lifecycle.run(LocalDate.of(2026, 4, 9));
    assertThat(status(org, trial)).isEqualTo(SubscriptionStatus.EXPIRED);
  }

  @Test
  void running_a_day_twice_moves_nothing_twice() {
    Given org = tenants.tenant(0);
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "t");
    day("2026-04-09");
    day("2026-04-09");
    assertThat(audit.history(org.id(), "subscription", trial.id().toString()))
        .filteredOn(e -> e.action().equals("TRIAL_EXPIRED")).hasSize(1);
    assertThat(List.of(status(org, trial))).containsExactly(SubscriptionStatus.EXPIRED);
  }
}
