package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Changes scheduled for a renewal: applied by its billing run, withdrawn, or voided. */
class ScheduledChangesIT extends DatabaseIT {

  @Autowired SubscriptionService subscriptions;
  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired LifecycleService lifecycle;
  @Autowired CancellationService cancellations;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  static final LocalDate RENEWAL = LocalDate.of(2026, 4, 10); // the test subscriptions start on 10 March
  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  private ScheduledChange schedule(Subscription s, ScheduledChange.Kind kind, Integer quantity, String planId) {
    return transaction.execute(st ->
        subscriptions.scheduleChange(subscriptions.lock(s.tenant(), s.id()), kind, quantity, planId, "t"));
  }

  private Subscription now(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription();
  }

  private Invoice invoiceOn(Given org, LocalDate date) {
    Invoice listed = billing.invoices(org.id()).stream().filter(i -> i.date().equals(date)).findFirst().orElseThrow();
    return billing.invoice(org.id(), listed.id());
  }

  private List<String> actions(Given org, Subscription s) {
    return audit.history(org.id(), "subscription", s.id().toString()).stream().map(AuditEvent::action).toList();
  }

  @Test
  void a_scheduled_reduction_is_charged_at_the_renewal_with_the_new_quantity() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange change = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    assertThat(change.effectiveOn()).isEqualTo(RENEWAL);
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).containsExactly(change);
    runs.run(RENEWAL.minusDays(1));
    assertThat(now(org, s).quantity()).isEqualTo(10);
    runs.run(RENEWAL);
    runs.run(RENEWAL);
    assertThat(now(org, s).quantity()).isEqualTo(4);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo("CHARGE");
      assertThat(l.quantity()).isEqualTo(4);
      assertThat(l.amount()).isEqualTo(Money.of(4000, "EUR"));
    });
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).isEmpty();
    assertThat(changeStatus(org, change.id())).isEqualTo("APPLIED");
    assertThat(actions(org, s)).containsSubsequence("SCHEDULED_CHANGE_ADDED", "SCHEDULED_CHANGE_APPLIED");
  }

  @Test
  void a_reduction_stops_at_the_licenses_assigned_at_the_renewal() {
    Given org = tenants.tenant(6);
    Subscription s = tenants.subscription(org, 10, 6);
    schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    runs.run(RENEWAL);
    assertThat(now(org, s).quantity()).isEqualTo(6);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(6));
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SCHEDULED_CHANGE_APPLIED"))
        .singleElement().satisfies(e -> assertThat(e.after()).contains("QUANTITY 6", "stopped at the licenses assigned"));
  }

  @Test
  void a_newer_change_of_the_same_kind_replaces_the_pending_one() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange first = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    ScheduledChange second = schedule(s, ScheduledChange.Kind.QUANTITY, 7, null);
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).containsExactly(second);
    assertThat(changeStatus(org, first.id())).isEqualTo("WITHDRAWN");
    runs.run(RENEWAL);
    assertThat(now(org, s).quantity()).isEqualTo(7);
  }

  @Test
  void a_withdrawn_change_keeps_the_old_quantity_and_the_api_answers_404_and_409() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange change = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    String base = "/api/v1/subscriptions/" + s.id() + "/scheduled-changes/";
    mvc.perform(get("/api/v1/subscriptions/" + s.id()).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quantity").value(10))
        .andExpect(jsonPath("$.assigned").value(0))
        .andExpect(jsonPath("$.scheduledChanges[0].id").value(change.id().toString()))
        .andExpect(jsonPath("$.scheduledChanges[0].kind").value("QUANTITY"))
        .andExpect(jsonPath("$.scheduledChanges[0].quantity").value(4))
        .andExpect(jsonPath("$.scheduledChanges[0].effectiveOn").value("2026-04-10"));
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$[0].scheduledChanges[0].id").value(change.id().toString()));
    mvc.perform(post(base + change.id() + "/withdraw").with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isNotFound());
    mvc.perform(post(base + change.id() + "/withdraw").with(httpBasic(tenants.account(org, Role.READER), "password")))
        .andExpect(status().isForbidden());
    mvc.perform(post(base + UUID.randomUUID() + "/withdraw").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("SCHEDULED_CHANGE_NOT_FOUND"));
    mvc.perform(post(base + change.id() + "/withdraw").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    mvc.perform(post(base + change.id() + "/withdraw").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("SCHEDULED_CHANGE_NOT_PENDING"));
    assertThat(actions(org, s)).contains("SCHEDULED_CHANGE_WITHDRAWN");
    runs.run(RENEWAL);
    assertThat(now(org, s).quantity()).isEqualTo(10);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(10));
  }

  @Test
  void turning_recurring_billing_off_voids_pending_changes_and_refuses_new_ones() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange change = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    subscriptions.setAutoRenew(org.id(), s.id(), false, "t");
    assertThat(changeStatus(org, change.id())).isEqualTo("VOIDED");
    assertThat(actions(org, s)).contains("SCHEDULED_CHANGE_VOIDED");
    assertThatThrownBy(() -> schedule(s, ScheduledChange.Kind.QUANTITY, 4, null))
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(SubscriptionReason.NOT_RENEWING));
  }

  @Test
  void cancelling_now_or_at_term_end_voids_pending_changes() {
    Given org = tenants.tenant(0);
    Subscription now = tenants.subscription(org, 10, 0);
    Subscription atTermEnd = tenants.subscription(org, 3, 0);
    ScheduledChange first = schedule(now, ScheduledChange.Kind.QUANTITY, 4, null);
    ScheduledChange second = schedule(atTermEnd, ScheduledChange.Kind.PLAN, null, TestTenants.ANNUAL_PLAN);
    cancellations.cancel(org.id(), now.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    cancellations.cancel(org.id(), atTermEnd.id(), ADMIN,
        new CancellationService.Request(CancelWhen.END_OF_TERM, LeavingReason.OTHER, null));
    assertThat(changeStatus(org, first.id())).isEqualTo("VOIDED");
    assertThat(changeStatus(org, second.id())).isEqualTo("VOIDED");
  }

  @Test
  void a_subscription_that_expires_loses_its_pending_changes() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange change = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    // A term that ends without renewal however it got there (an older row, an operator's fix).
    jdbc.sql("update subscription set auto_renew = false where tenant_id = :t and subscription_id = :s")
        .param("t", org.id().value()).param("s", s.id().value()).update();
    clock.set(Instant.parse("2026-04-10T12:00:00Z"));
    lifecycle.run(RENEWAL);
    assertThat(now(org, s).status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(changeStatus(org, change.id())).isEqualTo("VOIDED");
    assertThat(actions(org, s)).contains("SCHEDULED_CHANGE_VOIDED");
  }

  @Test
  void a_scheduled_move_to_the_annual_plan_starts_a_new_anchor_at_the_renewal() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 2, 0);
    schedule(s, ScheduledChange.Kind.PLAN, null, TestTenants.ANNUAL_PLAN);
    runs.run(RENEWAL);
    Subscription annual = now(org, s);
    assertThat(annual.planId()).isEqualTo(TestTenants.ANNUAL_PLAN);
    assertThat(annual.anchorDate()).isEqualTo(RENEWAL);
    assertThat(annual.currentPeriod().endExclusive()).isEqualTo(LocalDate.of(2027, 4, 10));
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> {
      assertThat(l.unitPrice()).isEqualTo(Money.of(10_000, "EUR"));
      assertThat(l.amount()).isEqualTo(Money.of(20_000, "EUR"));
      assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2027, 4, 10));
    });
    runs.run(LocalDate.of(2026, 5, 10));
    assertThat(billing.invoices(org.id())).hasSize(2);
  }

  @Test
  void another_organisation_cannot_see_or_withdraw_the_changes() {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    ScheduledChange change = schedule(s, ScheduledChange.Kind.QUANTITY, 4, null);
    assertThat(subscriptions.pendingChanges(other.id(), s.id())).isEmpty();
    assertThatThrownBy(() -> subscriptions.withdrawChange(other.id(), s.id(), change.id(), "t"))
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(SubscriptionReason.SUBSCRIPTION_NOT_FOUND));
    assertThat(changeStatus(org, change.id())).isEqualTo("PENDING");
  }

  private String changeStatus(Given org, UUID change) {
    return jdbc.sql("select status from scheduled_change where tenant_id = :t and change_id = :c")
        .param("t", org.id().value()).param("c", change).query(String.class).single();
  }
}
