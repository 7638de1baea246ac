package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.billingcenter.billing.InvoiceCalculator.DueSubscription;
import org.billingcenter.billing.InvoiceCalculator.Renewal;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceCalculatorTest {

  static final LocalDate ANCHOR = LocalDate.of(2026, 1, 31);

  static DueSubscription monthly(BillingPeriod current, boolean charged, boolean renews) {
    return new DueSubscription(ANCHOR, BillingFrequency.MONTHLY, current, charged, renews, 3, Money.of(1000, "EUR"));
  }

  @Test
  void nothing_is_due_inside_a_charged_period() {
    Renewal r = InvoiceCalculator.due(monthly(BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY), true, true), LocalDate.of(2026, 2, 10));
    assertThat(r.charges()).isEmpty();
    assertThat(r.current()).isEqualTo(BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY));
  }

  @ParameterizedTest(name = "period {0} renews on {1} into [{2}, {3})")
  @CsvSource({"0, 2026-02-28, 2026-02-28, 2026-03-31", "1, 2026-03-31, 2026-03-31, 2026-04-30", "2, 2026-04-30, 2026-04-30, 2026-05-31"})
  void renewal_on_the_anniversary_keeps_the_31st(int n, LocalDate runDate, LocalDate start, LocalDate end) {
    Renewal r = InvoiceCalculator.due(monthly(BillingPeriod.nth(ANCHOR, n, BillingFrequency.MONTHLY), true, true), runDate);
    assertThat(r.charges()).singleElement().satisfies(c -> {
      assertThat(c.period()).isEqualTo(new BillingPeriod(start, end));
      assertThat(c.amount()).isEqualTo(Money.of(3000, "EUR"));
      assertThat(c.unitPrice()).isEqualTo(Money.of(1000, "EUR"));
    });
    assertThat(r.current()).isEqualTo(new BillingPeriod(start, end));
  }

  @Test
  void a_missed_run_catches_up_period_by_period() {
    Renewal r = InvoiceCalculator.due(monthly(BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY), true, true), LocalDate.of(2026, 4, 1));
    assertThat(r.charges()).extracting(c -> c.period().start())
        .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
  }

  @Test
  void an_uncharged_current_period_is_charged_first() {
    BillingPeriod first = BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY);
    assertThat(InvoiceCalculator.due(monthly(first, false, true), ANCHOR).charges())
        .extracting(PeriodCharge::period).containsExactly(first);
  }

  @Test
  void a_subscription_that_does_not_renew_is_not_charged_again() {
    Renewal r = InvoiceCalculator.due(monthly(BillingPeriod.nth(ANCHOR, 0, BillingFrequency.MONTHLY), true, false), LocalDate.of(2026, 3, 5));
    assertThat(r.charges()).isEmpty();
  }

  @Test
  void annual_renewal_from_29_february() {
    LocalDate leap = LocalDate.of(2028, 2, 29);
    DueSubscription s = new DueSubscription(leap, BillingFrequency.ANNUAL, BillingPeriod.nth(leap, 0, BillingFrequency.ANNUAL),
        true, true, 200, Money.of(13_500, "EUR"));
    Renewal r = InvoiceCalculator.due(s, LocalDate.of(2029, 2, 28));
    assertThat(r.current()).isEqualTo(new BillingPeriod(LocalDate.of(2029, 2, 28), LocalDate.of(2030, 2, 28)));
    assertThat(r.charges()).singleElement().satisfies(c -> assertThat(c.amount()).isEqualTo(Money.of(2_700_000, "EUR")));
  }

  @ParameterizedTest(name = "invoice {0}, credit {1} → applied {2}, refunded {3}")
  @CsvSource({"5000, 2000, 2000, 0", "2000, 5000, 2000, 3000", "0, 1500, 0, 1500", "-100, 1500, 0, 1500", "2000, 2000, 2000, 0"})
  void a_credit_is_absorbed_by_the_invoice_and_the_rest_refunded(long total, long credit, long applied, long refunded) {
    var outcome = InvoiceCalculator.applyCredit(Money.of(total, "EUR"), Money.of(credit, "EUR"));
    assertThat(outcome.applied()).isEqualTo(Money.of(applied, "EUR"));
    assertThat(outcome.refunded()).isEqualTo(Money.of(refunded, "EUR"));
  }
}
