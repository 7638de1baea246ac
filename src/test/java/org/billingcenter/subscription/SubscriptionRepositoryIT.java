package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class SubscriptionRepositoryIT extends DatabaseIT {

  @Autowired SubscriptionRepository repository;
  @Autowired SubscriptionService service;
  @Autowired TransactionTemplate transaction;
  @Autowired AuditLog audit;

  @Test
  void a_purchase_starts_its_first_period_today_on_the_tenants_calendar() {
    Given org = tenants.tenant(0);
    clock.set(java.time.Instant.parse("2026-01-30T23:30:00Z")); // already 31 January in Paris
    Subscription s = service.purchase(org.id(), TestTenants.MONTHLY_PLAN, 3, org.card(), "test");
    SubscriptionSummary read = repository.findSummary(org.id(), s.id()).orElseThrow();
    assertThat(read.subscription().anchorDate()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(read.subscription().currentPeriod().endExclusive()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(read.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(read.assignedLicenses()).isZero();
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .extracting(e -> e.action())
        .containsExactly("SUBSCRIPTION_STARTED");
  }

  @Test
  void a_trial_has_the_plans_seats_and_length_and_no_period() {
    Given org = tenants.tenant(0);
    Subscription trial = service.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "test");
    Subscription read = repository.findSummary(org.id(), trial.id()).orElseThrow().subscription();
    assertThat(read.status()).isEqualTo(SubscriptionStatus.TRIAL);
    assertThat(read.quantity()).isEqualTo(25);
    assertThat(read.trialEnd()).isEqualTo(LocalDate.of(2026, 4, 9));
    assertThat(read.currentPeriod()).isNull();
    assertThat(read.hasPaymentMethod()).isFalse();
  }

  @Test
  void a_tenant_cannot_read_or_lock_another_tenants_subscription() {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(0);
    Subscription theirs = tenants.subscription(b, 2, 0);
    assertThat(repository.findSummary(a.id(), theirs.id())).isEmpty();
    assertThat(repository.listSummaries(a.id())).isEmpty();
    java.util.Optional<Subscription> locked =
        transaction.execute(status -> repository.findForUpdate(a.id(), theirs.id()));
    assertThat(locked).isEmpty();
    assertThatThrownBy(() -> service.get(a.id(), theirs.id())).isInstanceOf(Rejected.class);
  }

  @Test
  void buying_with_another_tenants_card_is_refused_and_changes_nothing() {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(0);
    assertThatThrownBy(() -> service.purchase(a.id(), TestTenants.MONTHLY_PLAN, 1, b.card(), "test"))
        .isInstanceOf(Rejected.class);
    assertThat(repository.listSummaries(a.id())).isEmpty();
  }

  @Test
  void quantity_outside_one_to_the_maximum_is_refused() {
    Given a = tenants.tenant(0);
    assertThatThrownBy(() -> service.purchase(a.id(), TestTenants.MONTHLY_PLAN, 0, a.card(), "test"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(SubscriptionReason.QUANTITY_OUT_OF_RANGE);
  }
}
