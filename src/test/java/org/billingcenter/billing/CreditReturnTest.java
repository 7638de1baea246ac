package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.BillingPeriod;
import org.junit.jupiter.api.Test;

class CreditReturnTest {

  static final BillingPeriod MARCH = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));

  @Test
  void a_credit_comes_back_on_the_organisations_next_billing_date_even_after_the_period_ends() {
    LocalDate billingDate = LocalDate.of(2026, 4, 28);
    assertThat(CreditReturn.creditOn(Optional.of(billingDate), Optional.of(LocalDate.of(2026, 3, 20)), MARCH))
        .isEqualTo(billingDate);
  }

  @Test
  void without_a_billing_day_yet_a_credit_follows_the_charge_rule() {
    assertThat(CreditReturn.creditOn(Optional.empty(), Optional.of(LocalDate.of(2026, 3, 20)), MARCH))
        .isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void a_charge_goes_on_the_tenants_next_invoice() {
    assertThat(CreditReturn.chargeOn(Optional.of(LocalDate.of(2026, 3, 20)), MARCH)).isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void with_nothing_else_invoiced_a_charge_comes_at_the_periods_end() {
    assertThat(CreditReturn.chargeOn(Optional.empty(), MARCH)).isEqualTo(LocalDate.of(2026, 4, 10));
  }

  @Test
  void never_later_than_one_billing_cycle() {
    assertThat(CreditReturn.chargeOn(Optional.of(LocalDate.of(2026, 12, 1)), MARCH)).isEqualTo(MARCH.endExclusive());
  }
}
