package org.billingcenter.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.cancellation.CancellationOutcome.ALLOWED;
import static org.billingcenter.cancellation.CancellationOutcome.REFUND_WINDOW_PASSED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.billing.Proration;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refund window, judged at the request: a period starting 1 March 2026, a window of 7 days (its
 * last day 8 March, inclusive, in the tenant's zone), and callback requests timed to the minute.
 */
class RefundWindowTest {

  static final BillingPeriod PERIOD = new BillingPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
  static final PeriodCharge CHARGE = new PeriodCharge(PERIOD, Money.of(1000, "EUR"), 31, Money.of(31_000, "EUR"));

  static CancellationDecision decide(
      RefundWindow window, LocalDate today, LocalDate requestedOn, CancelWhen when, Role role) {
    return CancellationPolicy.decide(
        new CancellationSnapshot(SubscriptionStatus.ACTIVE, false, List.of(), 25, true, null, Set.of(role), when,
            today.atStartOfDay(ZoneId.of("UTC")).toInstant(), today, PERIOD, Optional.of(CHARGE),
            LocalDate.of(2026, 4, 1), Currency.getInstance("EUR"), window, requestedOn));
  }

  static CancellationDecision now(Integer days, String today, String requestedOn) {
    return decide(new RefundWindow(days), LocalDate.parse(today), requestedOn == null ? null : LocalDate.parse(requestedOn),
        CancelWhen.NOW, Role.GLOBAL_ADMIN);
  }

  @ParameterizedTest(name = "window {0}, cancel on {1} → {2}")
  @CsvSource(nullValues = "none", value = {
      "7, 2026-03-01, ALLOWED",              // the start day
      "7, 2026-03-08, ALLOWED",              // day 7: the last day of the window
      "7, 2026-03-09, REFUND_WINDOW_PASSED", // day 8
      "7, 2026-03-31, REFUND_WINDOW_PASSED", // the period's last day
      "0, 2026-03-01, ALLOWED",              // a window of 0 days is the start day only
      "0, 2026-03-02, REFUND_WINDOW_PASSED",
      "none, 2026-03-09, ALLOWED",           // no window set: always prorated, as before
      "none, 2026-03-31, ALLOWED"})
  void cancelling_now_with_a_credit_only_within_the_window(Integer days, String today, CancellationOutcome outcome) {
    assertThat(now(days, today, null).outcome()).isEqualTo(outcome);
  }

  /** The request's instant is read on the tenant's calendar: 23:59 there is still day 7, 00:00 is day 8. */
  @ParameterizedTest(name = "{0}: asked at {1} (UTC), cancelled on {2} → {3}")
  @CsvSource({
      "Asia/Taipei,  2026-03-08T15:59:00Z, 2026-03-13, ALLOWED",              // 8 Mar 23:59 in Taipei
      "Asia/Taipei,  2026-03-08T16:00:00Z, 2026-03-13, REFUND_WINDOW_PASSED", // 9 Mar 00:00 in Taipei
      "Europe/Sofia, 2026-03-08T21:59:00Z, 2026-03-13, ALLOWED",              // 8 Mar 23:59 in Sofia
      "Europe/Sofia, 2026-03-08T22:00:00Z, 2026-03-13, REFUND_WINDOW_PASSED", // 9 Mar 00:00 in Sofia
      "Asia/Taipei,  2026-02-28T17:00:00Z, 2026-03-13, ALLOWED",              // 1 Mar 01:00: the start day counts
      "Asia/Taipei,  2026-02-28T15:00:00Z, 2026-03-13, REFUND_WINDOW_PASSED", // 28 Feb: the previous period's
      "Asia/Taipei,  2026-03-04T02:00:00Z, 2026-03-31, ALLOWED"})             // support takes weeks: still kept
  void a_call_asked_for_within_the_window_keeps_the_right_to_the_credit(
      String zone, Instant askedAt, LocalDate cancelledOn, CancellationOutcome outcome) {
    LocalDate requestedOn = LocalDate.ofInstant(askedAt, ZoneId.of(zone));
    CancellationDecision d = decide(new RefundWindow(7), cancelledOn, requestedOn, CancelWhen.NOW, Role.GLOBAL_ADMIN);
    assertThat(d.outcome()).isEqualTo(outcome);
    assertThat(d.refundWindow().lastDay()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(d.refundWindow().open()).isFalse();
  }

  @Test
  void the_kept_credit_is_prorated_from_the_cancellation_day_not_the_request_day() {
    CancellationDecision d = now(7, "2026-03-13", "2026-03-08");
    assertThat(d.refundWindow().keptByRequestOn()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(d.preview().credit()).isEqualTo(Proration.credit(CHARGE, LocalDate.of(2026, 3, 13)));
    assertThat(d.preview().credit()).isEqualTo(Money.of(18_000, "EUR")); // 18 unused days of 31 × 10.00
    assertThat(d.preview().creditReturnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void after_the_window_the_end_of_the_term_is_still_open() {
    CancellationDecision d =
        decide(new RefundWindow(7), LocalDate.of(2026, 3, 9), null, CancelWhen.END_OF_TERM, Role.BILLING_ADMIN);
    assertThat(d.outcome()).isEqualTo(ALLOWED);
    assertThat(d.preview().effectiveOn()).isEqualTo(PERIOD.endExclusive());
    assertThat(d.refundWindow().creditKept()).isFalse();
  }

  @Test
  void a_support_engineer_cancelling_for_the_organisation_is_bound_by_the_window_too() {
    LocalDate day12 = LocalDate.of(2026, 3, 13);
    assertThat(decide(new RefundWindow(7), day12, null, CancelWhen.NOW, Role.SUPPORT_ENGINEER).outcome())
        .isEqualTo(REFUND_WINDOW_PASSED);
    assertThat(decide(new RefundWindow(7), day12, LocalDate.of(2026, 3, 8), CancelWhen.NOW, Role.SUPPORT_ENGINEER)
            .outcome())
        .isEqualTo(ALLOWED);
  }

  @Test
  void the_refusal_names_the_windows_last_day_and_the_decision_says_it() {
    CancellationDecision d = now(7, "2026-03-09", null);
    assertThat(d.preview()).isNull();
    assertThat(d.refusal().reason()).isEqualTo(REFUND_WINDOW_PASSED);
    assertThat(d.refusal().arguments()).containsExactly(LocalDate.of(2026, 3, 8));
    assertThat(d.message(false).arguments()).containsExactly(LocalDate.of(2026, 3, 8));
  }

  @Test
  void without_a_window_the_decision_carries_none() {
    assertThat(now(null, "2026-03-13", "2026-03-02").refundWindow()).isNull();
  }

  @Test
  void within_the_window_the_decision_says_until_when() {
    CancellationDecision d = now(7, "2026-03-05", null);
    assertThat(d.refundWindow().open()).isTrue();
    assertThat(d.refundWindow().lastDay()).isEqualTo(LocalDate.of(2026, 3, 8));
  }
}
