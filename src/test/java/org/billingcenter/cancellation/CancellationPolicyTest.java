package org.billingcenter.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.cancellation.CancellationOutcome.ALLOWED;
import static org.billingcenter.cancellation.CancellationOutcome.ALREADY_ENDED;
import static org.billingcenter.cancellation.CancellationOutcome.ALREADY_ENDING;
import static org.billingcenter.cancellation.CancellationOutcome.NOTHING_TO_CANCEL_TRIAL;
import static org.billingcenter.cancellation.CancellationOutcome.NOT_PERMITTED;
import static org.billingcenter.cancellation.CancellationOutcome.TOO_MANY_LICENSES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.billingcenter.account.Role;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CancellationPolicyTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  static final BillingPeriod PERIOD = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));
  static final PeriodCharge CHARGE = new PeriodCharge(PERIOD, Money.of(1000, "EUR"), 30, Money.of(30_000, "EUR"));

  /** A builder with defaults: an active subscription, a Global admin, cancelling now. */
  static final class Given {
    SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    int assigned = 3;
    int threshold = 25;
    boolean paymentMethod = true;
    boolean ending = false;
    Set<Role> roles = Set.of(Role.GLOBAL_ADMIN);
    CancelWhen when = CancelWhen.NOW;

    Given assigned(int n) { assigned = n; return this; }
    Given status(SubscriptionStatus s) { status = s; return this; }
    Given roles(Role... r) { roles = Set.of(r); return this; }
    Given when(CancelWhen w) { when = w; return this; }
    Given ending() { ending = true; return this; }
    Given noPaymentMethod() { paymentMethod = false; return this; }
    Given threshold(int t) { threshold = t; return this; }

    CancellationDecision decide() {
      List<MemberId> members = IntStream.range(0, assigned).mapToObj(i -> MemberId.random()).toList();
      return CancellationPolicy.decide(
          new CancellationSnapshot(status, ending, members, threshold, paymentMethod, LocalDate.of(2026, 4, 1),
              roles, when, Instant.parse("2026-03-20T09:00:00Z"), TODAY, PERIOD, Optional.of(CHARGE),
              LocalDate.of(2026, 4, 1), Currency.getInstance("EUR"), RefundWindow.NONE, null));
    }
  }

  static Given given() {
    return new Given();
  }

  @ParameterizedTest(name = "{0} assigned → {1}, remove {2}")
  @CsvSource({"0, ALLOWED, 0", "3, ALLOWED, 0", "24, ALLOWED, 0", "25, TOO_MANY_LICENSES, 1",
      "26, TOO_MANY_LICENSES, 2", "180, TOO_MANY_LICENSES, 156"})
  void online_cancellation_needs_fewer_assigned_licenses_than_the_threshold(
      int assigned, CancellationOutcome outcome, int toRemove) {
    CancellationDecision d = given().assigned(assigned).decide();
    assertThat(d.outcome()).isEqualTo(outcome);
    assertThat(d.licensesToRemove()).isEqualTo(toRemove);
    assertThat(d.assignedLicenses()).isEqualTo(assigned);
  }

  @Test
  void a_subscription_with_25_assigned_licenses_cannot_be_cancelled_online_and_no_preview_is_given() {
    CancellationDecision d = given().assigned(25).decide();
    assertThat(d.allowed()).isFalse();
    assertThat(d.preview()).isNull();
  }

  @Test
  void the_threshold_is_a_setting() {
    assertThat(given().threshold(10).assigned(9).decide().outcome()).isEqualTo(ALLOWED);
    assertThat(given().threshold(10).assigned(10).decide().licensesToRemove()).isEqualTo(1);
    assertThat(given().threshold(1).assigned(0).decide().outcome()).isEqualTo(ALLOWED);
  }

  @Test
  void a_trial_has_nothing_to_cancel_and_says_whether_it_converts() {
    CancellationDecision converting = given().status(SubscriptionStatus.TRIAL).decide();
    assertThat(converting.outcome()).isEqualTo(NOTHING_TO_CANCEL_TRIAL);
    assertThat(converting.trial().endsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(converting.trial().convertsToPaid()).isTrue();
    assertThat(given().status(SubscriptionStatus.TRIAL).noPaymentMethod().decide().trial().convertsToPaid()).isFalse();
  }

  @Test
  void a_trial_says_so_whatever_the_role_or_the_license_count() {
    assertThat(given().status(SubscriptionStatus.TRIAL).roles(Role.READER).assigned(25).decide().outcome())
        .isEqualTo(NOTHING_TO_CANCEL_TRIAL);
  }

  @ParameterizedTest
  @EnumSource(value = SubscriptionStatus.class, names = {"EXPIRED", "DISABLED", "DELETED"})
  void an_ended_subscription_is_already_ended(SubscriptionStatus status) {
    assertThat(given().status(status).decide().outcome()).isEqualTo(ALREADY_ENDED);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"USER_ADMIN", "READER", "OPERATOR"})
  void only_global_and_billing_admins_may_cancel(Role role) {
    assertThat(given().roles(role).decide().outcome()).isEqualTo(NOT_PERMITTED);
    assertThat(given().roles(role).assigned(30).decide().outcome()).isEqualTo(NOT_PERMITTED);
  }

  @Test
  void a_billing_admin_may_cancel() {
    assertThat(given().roles(Role.BILLING_ADMIN).decide().outcome()).isEqualTo(ALLOWED);
  }

  @Test
  void a_support_engineer_is_not_bound_by_the_threshold_but_by_every_other_rule() {
    assertThat(given().roles(Role.SUPPORT_ENGINEER).assigned(180).decide().outcome()).isEqualTo(ALLOWED);
    assertThat(given().roles(Role.SUPPORT_ENGINEER).status(SubscriptionStatus.TRIAL).decide().outcome())
        .isEqualTo(NOTHING_TO_CANCEL_TRIAL);
    assertThat(given().roles(Role.SUPPORT_ENGINEER).status(SubscriptionStatus.DISABLED).decide().outcome())
        .isEqualTo(ALREADY_ENDED);
  }

  @Test
  void cancelling_now_previews_the_prorated_credit_its_return_date_and_who_loses_access() {
    CancellationDecision d = given().assigned(3).decide();
    assertThat(d.preview().when()).isEqualTo(CancelWhen.NOW);
    assertThat(d.preview().effectiveOn()).isEqualTo(TODAY);
    // 300.00 × 20 unused days (21 Mar .. 9 Apr) / 31 = 193.548… → 193.55
    assertThat(d.preview().credit()).isEqualTo(Money.of(19_355, "EUR"));
    assertThat(d.preview().creditReturnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(d.preview().membersLosingAccess()).hasSize(3);
  }

  @Test
  void cancelling_at_term_end_has_no_credit_and_ends_when_the_period_does() {
    CancellationDecision d = given().when(CancelWhen.END_OF_TERM).decide();
    assertThat(d.outcome()).isEqualTo(ALLOWED);
    assertThat(d.preview().effectiveOn()).isEqualTo(PERIOD.endExclusive());
    assertThat(d.preview().credit().isZero()).isTrue();
    assertThat(d.preview().creditReturnedOn()).isNull();
  }

  @Test
  void term_end_cancellation_obeys_the_same_threshold() {
    assertThat(given().when(CancelWhen.END_OF_TERM).assigned(25).decide().outcome()).isEqualTo(TOO_MANY_LICENSES);
  }

  @Test
  void a_subscription_already_ending_can_still_be_ended_now_but_not_scheduled_twice() {
    assertThat(given().ending().when(CancelWhen.END_OF_TERM).decide().outcome()).isEqualTo(ALREADY_ENDING);
    assertThat(given().ending().when(CancelWhen.NOW).decide().outcome()).isEqualTo(ALLOWED);
  }

  @Property
  void licenses_to_remove_always_bring_the_count_just_below_the_threshold(
      @ForAll @IntRange(min = 1, max = 200) int threshold, @ForAll @IntRange(min = 0, max = 1000) int assigned) {
    CancellationDecision d = given().threshold(threshold).assigned(assigned).decide();
    if (assigned < threshold) {
      assertThat(d.outcome()).isEqualTo(ALLOWED);
    } else {
      assertThat(d.outcome()).isEqualTo(TOO_MANY_LICENSES);
      assertThat(assigned - d.licensesToRemove()).isEqualTo(threshold - 1);
    }
  }
}
