package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.licensing.QuantityChangeRefusal.ABOVE_MAXIMUM;
import static org.billingcenter.licensing.QuantityChangeRefusal.LICENSES_IN_USE;
import static org.billingcenter.licensing.QuantityChangeRefusal.NOT_PERMITTED;
import static org.billingcenter.licensing.QuantityChangeRefusal.NO_CHANGE;
import static org.billingcenter.licensing.QuantityChangeRefusal.QUANTITY_OUT_OF_RANGE;
import static org.billingcenter.licensing.QuantityChangeRefusal.REDUCTION_ONLY_AT_RENEWAL;
import static org.billingcenter.licensing.QuantityChangeRefusal.RENEWAL_OFF;
import static org.billingcenter.licensing.QuantityChangeWhen.AT_RENEWAL;
import static org.billingcenter.licensing.QuantityChangeWhen.NOW;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.licensing.QuantityChangeSnapshot.PastChange;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class QuantityChangePolicyTest {

  /** The current period started on 10 March (purchase or renewal): 31 days. */
  static final BillingPeriod PERIOD = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));

  static LocalDate march(int day) {
    return LocalDate.of(2026, 3, day);
  }

  /** A builder with defaults: an active, renewing subscription of 10 licenses, 4 assigned, on 20 March. */
  static final class Given {
    SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    boolean autoRenew = true;
    boolean ending = false;
    int quantity = 10;
    int assigned = 4;
    Integer max = null;
    Set<Role> roles = Set.of(Role.GLOBAL_ADMIN);
    LocalDate today = march(20);
    List<PastChange> changes = new ArrayList<>();
    QuantityChangeWhen when = null;

    Given status(SubscriptionStatus s) { status = s; return this; }
    Given renewalOff() { autoRenew = false; return this; }
    Given ending() { ending = true; return this; }
    Given quantity(int q) { quantity = q; return this; }
    Given assigned(int a) { assigned = a; return this; }
    Given max(Integer m) { max = m; return this; }
    Given roles(Role... r) { roles = Set.of(r); return this; }
    Given today(LocalDate d) { today = d; return this; }
    Given changed(LocalDate on, int delta) { changes.add(new PastChange(on, delta)); return this; }
    Given when(QuantityChangeWhen w) { when = w; return this; }

    QuantityChangeDecision requesting(int requested) {
      return QuantityChangePolicy.decide(
          new QuantityChangeSnapshot(status, autoRenew, ending, quantity, requested, assigned, max, roles, today,
              status == SubscriptionStatus.TRIAL ? null : PERIOD, changes, 7, when));
    }
  }

  static Given given() {
    return new Given();
  }

  static void assertAllowed(QuantityChangeDecision d, QuantityChangeWhen when, LocalDate on) {
    assertThat(d.refusal()).isEmpty();
    assertThat(d.when()).isEqualTo(when);
    assertThat(d.effectiveOn()).isEqualTo(on);
  }

  // --- removing: the reduction window from the period's start ---------------------------------

  @ParameterizedTest(name = "period started 10 March, remove on {0} asking {1} → {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "10, -,          NOW,        -",
      "17, -,          NOW,        -", // day D+7: still within 7 days
      "18, -,          AT_RENEWAL, -", // day D+8: at renewal
      "31, -,          AT_RENEWAL, -",
      "17, NOW,        NOW,        -",
      "18, NOW,        -,          REDUCTION_ONLY_AT_RENEWAL",
      "17, AT_RENEWAL, AT_RENEWAL, -", // a removal that could be immediate may still wait
      "18, AT_RENEWAL, AT_RENEWAL, -"})
  void a_removal_is_immediate_within_7_days_of_the_purchase_or_renewal_else_at_renewal(
      int day, QuantityChangeWhen asked, QuantityChangeWhen when, QuantityChangeRefusal refusal) {
    QuantityChangeDecision d = given().today(march(day)).when(asked).requesting(6);
    assertThat(d.refusal()).isEqualTo(java.util.Optional.ofNullable(refusal));
    assertThat(d.when()).isEqualTo(when);
    if (when != null) {
      assertThat(d.effectiveOn()).isEqualTo(when == NOW ? march(day) : PERIOD.endExclusive());
    } else {
      assertThat(d.arguments()).containsExactly(7, PERIOD.endExclusive());
    }
  }

  // --- removing: licenses added within the window ---------------------------------------------

  @ParameterizedTest(name = "added {1} on 20 March, remove {2} on {0} March → {3}")
  @CsvSource({
      "27, 5, 5, NOW", // the addition's D+7
      "27, 5, 6, AT_RENEWAL", // one license more than was added recently
      "28, 5, 1, AT_RENEWAL", // the addition's D+8
      "20, 5, 5, NOW", // the same day
      "20, 1, 1, NOW"})
  void a_removal_is_immediate_when_every_removed_license_was_added_within_7_days(
      int day, int added, int removed, QuantityChangeWhen when) {
    int quantity = 10 + added;
    QuantityChangeDecision d =
        given().quantity(quantity).changed(march(20), added).today(march(day)).requesting(quantity - removed);
    assertThat(d.when()).isEqualTo(when);
  }

  @Test
  void a_license_removed_at_once_is_not_removed_at_once_a_second_time() {
    // 10 licenses since 10 March; 5 added on 20 March, 3 of them removed on 21 March: 2 recent left.
    Given given = given().quantity(12).changed(march(20), 5).changed(march(21), -3).today(march(22));
    assertThat(given.requesting(10).when()).isEqualTo(NOW);
    assertThat(given.requesting(9).when()).isEqualTo(AT_RENEWAL);
  }

  @Test
  void a_removal_takes_the_newest_licenses_first() {
    // 3 added on 12 March (D+8 = 20 March: out), 2 removed on 14 March, 4 added on 19 March (in).
    Given given =
        given().quantity(15).changed(march(12), 3).changed(march(14), -2).changed(march(19), 4).today(march(20));
    assertThat(QuantityChangePolicy.removableNow(snapshot(given))).isEqualTo(4);
    assertThat(given.requesting(11).when()).isEqualTo(NOW);
    assertThat(given.requesting(10).when()).isEqualTo(AT_RENEWAL);
  }

  @Test
  void within_the_period_start_window_every_license_counts_added_or_not() {
    Given given = given().quantity(14).changed(march(12), 4).today(march(15));
    assertThat(QuantityChangePolicy.removableNow(snapshot(given))).isEqualTo(14);
    assertAllowed(given.requesting(4), NOW, march(15));
  }

  private static QuantityChangeSnapshot snapshot(Given g) {
    return new QuantityChangeSnapshot(g.status, g.autoRenew, g.ending, g.quantity, 1, g.assigned, g.max, g.roles,
        g.today, PERIOD, g.changes, 7, g.when);
  }

  // --- removing: never below the assigned count ----------------------------------------------

  @ParameterizedTest(name = "10 licenses, {0} assigned, request {1} → {2}, unassign {3}")
  @CsvSource(nullValues = "-", value = {
      "4,  4, -,               0", // exactly the assigned count
      "4,  5, -,               0",
      "4,  3, LICENSES_IN_USE, 1",
      "10, 1, LICENSES_IN_USE, 9",
      "10, 9, LICENSES_IN_USE, 1",
      "0,  1, -,               0"})
  void a_removal_never_goes_below_the_assigned_licenses(
      int assigned, int requested, QuantityChangeRefusal refusal, int toUnassign) {
    QuantityChangeDecision d = given().assigned(assigned).requesting(requested);
    assertThat(d.refusal()).isEqualTo(java.util.Optional.ofNullable(refusal));
    assertThat(d.licensesToUnassign()).isEqualTo(toUnassign);
    if (refusal != null) {
      assertThat(d.arguments()).containsExactly(assigned, toUnassign);
    }
  }

  // --- buying ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "maximum {0}, request {1} → {2}")
  @CsvSource(nullValues = "-", value = {
      "20, 20,     -",
      "20, 21,     ABOVE_MAXIMUM",
      "10, 11,     ABOVE_MAXIMUM",
      "-,  100000, -",
      "-,  100001, QUANTITY_OUT_OF_RANGE",
      "20, 0,      QUANTITY_OUT_OF_RANGE",
      "20, -1,     QUANTITY_OUT_OF_RANGE"})
  void buying_stops_at_the_plans_maximum_and_the_largest_quantity(
      Integer max, int requested, QuantityChangeRefusal refusal) {
    QuantityChangeDecision d = given().assigned(0).max(max).requesting(requested);
    assertThat(d.refusal()).isEqualTo(java.util.Optional.ofNullable(refusal));
    if (refusal == ABOVE_MAXIMUM) {
      assertThat(d.arguments()).containsExactly(max, 0, requested - max);
      assertThat(d.maximum()).isEqualTo(max);
    }
    if (refusal == QUANTITY_OUT_OF_RANGE) {
      assertThat(d.arguments()).containsExactly(1, 100_000);
    }
  }

  @Test
  void a_plan_maximum_below_the_current_quantity_does_not_stop_a_removal() {
    assertAllowed(given().max(5).today(march(12)).requesting(8), NOW, march(12));
  }

  @ParameterizedTest(name = "buy asking {0}, renews {1}, ending {2} → {3} {4}")
  @CsvSource(nullValues = "-", value = {
      "-,          true,  false, NOW,        -",
      "NOW,        true,  false, NOW,        -",
      "AT_RENEWAL, true,  false, AT_RENEWAL, -",
      "NOW,        false, false, NOW,        -",
      "AT_RENEWAL, false, false, -,          RENEWAL_OFF",
      "AT_RENEWAL, true,  true,  -,          RENEWAL_OFF",
      "NOW,        true,  true,  NOW,        -"})
  void buying_is_now_by_default_and_at_renewal_only_when_it_renews(
      QuantityChangeWhen asked, boolean renews, boolean ending, QuantityChangeWhen when,
      QuantityChangeRefusal refusal) {
    Given given = given().when(asked);
    if (!renews) {
      given.renewalOff();
    }
    if (ending) {
      given.ending();
    }
    QuantityChangeDecision d = given.requesting(15);
    assertThat(d.refusal()).isEqualTo(java.util.Optional.ofNullable(refusal));
    assertThat(d.when()).isEqualTo(when);
    if (when != null) {
      assertThat(d.effectiveOn()).isEqualTo(when == NOW ? march(20) : PERIOD.endExclusive());
      assertThat(d.addition()).isTrue();
      assertThat(d.delta()).isEqualTo(5);
    } else {
      assertThat(d.arguments()).containsExactly(PERIOD.endExclusive());
    }
  }

  @ParameterizedTest(name = "remove after the window, renews {0}, ending {1} → {2}")
  @CsvSource(nullValues = "-", value = {
      "true,  false, -",
      "false, false, RENEWAL_OFF",
      "true,  true,  RENEWAL_OFF"})
  void a_removal_after_the_window_needs_a_renewal_to_wait_for(
      boolean renews, boolean ending, QuantityChangeRefusal refusal) {
    Given given = given().today(march(25));
    if (!renews) {
      given.renewalOff();
    }
    if (ending) {
      given.ending();
    }
    assertThat(given.requesting(8).refusal()).isEqualTo(java.util.Optional.ofNullable(refusal));
  }

  @Test
  void a_removal_within_the_window_is_immediate_even_without_a_renewal() {
    assertAllowed(given().renewalOff().today(march(11)).requesting(8), NOW, march(11));
  }

  // --- who and what ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Role.class)
  void only_global_and_billing_admins_buy_and_remove_licenses(Role role) {
    boolean may = role == Role.GLOBAL_ADMIN || role == Role.BILLING_ADMIN;
    for (int requested : new int[] {15, 8}) {
      QuantityChangeDecision d = given().roles(role).today(march(12)).requesting(requested);
      assertThat(d.refusal()).isEqualTo(may ? java.util.Optional.empty() : java.util.Optional.of(NOT_PERMITTED));
    }
    assertThat(QuantityChangePolicy.mayChange(Set.of(role))).isEqualTo(may);
  }

  @ParameterizedTest(name = "{0}: buying and removing → {1}")
  @CsvSource({
      "TRIAL, TRIAL", "EXPIRED, ENDED", "DISABLED, ENDED", "DELETED, ENDED"})
  void trials_and_ended_subscriptions_keep_their_quantity(SubscriptionStatus status, QuantityChangeRefusal refusal) {
    for (int requested : new int[] {15, 8}) {
      assertThat(given().status(status).requesting(requested).refusal()).contains(refusal);
    }
  }

  @Test
  void a_reader_is_refused_before_anything_about_the_subscription_is_said() {
    assertThat(given().roles(Role.READER).status(SubscriptionStatus.TRIAL).requesting(15).refusal())
        .contains(NOT_PERMITTED);
  }

  @Test
  void the_same_quantity_is_no_change() {
    QuantityChangeDecision d = given().requesting(10);
    assertThat(d.refusal()).contains(NO_CHANGE);
    assertThat(d.arguments()).containsExactly(10);
  }

  @Test
  void the_decision_says_from_and_to() {
    QuantityChangeDecision d = given().requesting(13);
    assertThat(Arrays.asList(d.from(), d.to(), d.assigned(), d.delta())).containsExactly(10, 13, 4, 3);
    assertThat(given().requesting(3).refusal()).contains(LICENSES_IN_USE);
    assertThat(given().today(march(30)).when(NOW).requesting(9).refusal()).contains(REDUCTION_ONLY_AT_RENEWAL);
    assertThat(given().renewalOff().when(AT_RENEWAL).requesting(9).refusal()).contains(RENEWAL_OFF);
  }
}
