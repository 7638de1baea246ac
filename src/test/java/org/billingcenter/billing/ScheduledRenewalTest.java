package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.billing.InvoiceCalculator.DueChange;
import org.billingcenter.billing.InvoiceCalculator.DueSubscription;
import org.billingcenter.billing.InvoiceCalculator.Renewal;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The renewal a billing run computes when scheduled changes are due. */
class ScheduledRenewalTest {

  static final LocalDate ANCHOR = LocalDate.of(2026, 1, 31);
  static final BillingPeriod FIRST = BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY); // 31 Jan – 28 Feb
  static final UUID CHANGE = UUID.randomUUID();
  static final Money TEN = Money.of(1000, "EUR");

  static DueSubscription monthly(List<DueChange> changes, int assigned) {
    return new DueSubscription(ANCHOR, BillingFrequency.MONTHLY, FIRST, true, true, 10, TEN, changes, assigned);
  }

  @ParameterizedTest(name = "reduce 10 → {0} with {1} assigned: charged for {2}, stopped {3}")
  @CsvSource({"4, 0, 4, false", "4, 4, 4, false", "4, 6, 6, true", "12, 3, 12, false", "1, 10, 10, true"})
  void a_quantity_change_due_this_run_charges_the_new_period_with_the_new_quantity(
      int to, int assigned, int charged, boolean stopped) {
    DueChange change = DueChange.quantity(CHANGE, FIRST.endExclusive(), to);
    Renewal r = InvoiceCalculator.due(monthly(List.of(change), assigned), LocalDate.of(2026, 2, 28));
    assertThat(r.charges()).singleElement().satisfies(c -> {
      assertThat(c.quantity()).isEqualTo(charged);
      assertThat(c.amount()).isEqualTo(TEN.times(charged));
      assertThat(c.period().start()).isEqualTo(LocalDate.of(2026, 2, 28));
    });
    assertThat(r.quantity()).isEqualTo(charged);
    assertThat(r.applied()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo(CHANGE);
      assertThat(a.quantity()).isEqualTo(charged);
      assertThat(a.stoppedAtAssigned()).isEqualTo(stopped);
    });
  }

  @Test
  void a_change_due_next_period_waits() {
    DueChange change = DueChange.quantity(CHANGE, LocalDate.of(2026, 3, 31), 4);
    Renewal r = InvoiceCalculator.due(monthly(List.of(change), 0), LocalDate.of(2026, 2, 28));
    assertThat(r.charges()).singleElement().satisfies(c -> assertThat(c.quantity()).isEqualTo(10));
    assertThat(r.applied()).isEmpty();
    assertThat(r.quantity()).isEqualTo(10);
  }

  @Test
  void nothing_is_applied_before_the_renewal_comes() {
    DueChange change = DueChange.quantity(CHANGE, FIRST.endExclusive(), 4);
    Renewal r = InvoiceCalculator.due(monthly(List.of(change), 0), LocalDate.of(2026, 2, 27));
    assertThat(r.charges()).isEmpty();
    assertThat(r.applied()).isEmpty();
  }

  @Test
  void missed_runs_catch_up_with_the_old_terms_before_the_change_and_the_new_ones_after() {
    BillingPeriod second = BillingPeriod.nth(ANCHOR, 1, BillingFrequency.MONTHLY); // 28 Feb – 31 Mar
    DueSubscription s = new DueSubscription(ANCHOR, BillingFrequency.MONTHLY, FIRST, true, true, 10, TEN,
        List.of(DueChange.quantity(CHANGE, second.endExclusive(), 3)), 0);
    Renewal r = InvoiceCalculator.due(s, LocalDate.of(2026, 5, 1));
    assertThat(r.charges()).extracting(c -> c.period().start(), PeriodCharge::quantity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 2, 28), 10),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 31), 3),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 30), 3));
    assertThat(r.current()).isEqualTo(new BillingPeriod(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31)));
  }

  @Test
  void a_frequency_change_starts_a_new_anchor_on_the_renewal() {
    Money annual = Money.of(10_000, "EUR");
    DueChange toAnnual = DueChange.plan(CHANGE, FIRST.endExclusive(), "annual", BillingFrequency.ANNUAL, annual);
    Renewal r = InvoiceCalculator.due(monthly(List.of(toAnnual), 0), LocalDate.of(2026, 2, 28));
    assertThat(r.anchor()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(r.planId()).isEqualTo("annual");
    assertThat(r.current()).isEqualTo(new BillingPeriod(LocalDate.of(2026, 2, 28), LocalDate.of(2027, 2, 28)));
    assertThat(r.charges()).singleElement().satisfies(c -> {
      assertThat(c.unitPrice()).isEqualTo(annual);
      assertThat(c.amount()).isEqualTo(annual.times(10));
    });
    // A year later the periods count from the new anchor, not the old 31st.
    DueSubscription next = new DueSubscription(r.anchor(), BillingFrequency.ANNUAL, r.current(), true, true, 10, annual);
    assertThat(InvoiceCalculator.due(next, LocalDate.of(2027, 2, 28)).current())
        .isEqualTo(new BillingPeriod(LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 28)));
  }

  @Test
  void a_plan_change_of_the_same_frequency_keeps_the_anchor_and_the_31st() {
    DueChange premium = DueChange.plan(CHANGE, FIRST.endExclusive(), "premium", BillingFrequency.MONTHLY, Money.of(2000, "EUR"));
    Renewal r = InvoiceCalculator.due(monthly(List.of(premium), 0), LocalDate.of(2026, 3, 31));
    assertThat(r.anchor()).isEqualTo(ANCHOR);
    assertThat(r.charges()).extracting(PeriodCharge::amount).containsOnly(Money.of(20_000, "EUR"));
    assertThat(r.current()).isEqualTo(new BillingPeriod(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30)));
  }

  @Test
  void a_quantity_and_a_plan_change_due_together_both_apply() {
    DueChange fewer = DueChange.quantity(UUID.randomUUID(), FIRST.endExclusive(), 6);
    DueChange premium = DueChange.plan(CHANGE, FIRST.endExclusive(), "premium", BillingFrequency.MONTHLY, Money.of(2000, "EUR"));
    Renewal r = InvoiceCalculator.due(monthly(List.of(premium, fewer), 0), LocalDate.of(2026, 2, 28));
    assertThat(r.charges()).singleElement().satisfies(c -> assertThat(c.amount()).isEqualTo(Money.of(12_000, "EUR")));
    assertThat(r.applied()).hasSize(2);
  }

  @Test
  void a_subscription_that_does_not_renew_applies_nothing() {
    DueSubscription s = new DueSubscription(ANCHOR, BillingFrequency.MONTHLY, FIRST, true, false, 10, TEN,
        List.of(DueChange.quantity(CHANGE, FIRST.endExclusive(), 4)), 0);
    Renewal r = InvoiceCalculator.due(s, LocalDate.of(2026, 3, 5));
    assertThat(r.charges()).isEmpty();
    assertThat(r.applied()).isEmpty();
  }
}
