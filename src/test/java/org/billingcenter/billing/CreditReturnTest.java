package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.BillingPeriod;
import org.junit.jupiter.api.Test;

class CreditReturnTest {

  static final BillingPeriod MARCH = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));

  @Test
  void the_credit_comes_back_on_the_tenants_next_invoice() {
    assertThat(CreditReturn.returnOn(Optional.of(LocalDate.of(2026, 3, 20)), MARCH)).isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void with_nothing_else_invoiced_a_credit_note_comes_at_the_cancelled_periods_end() {
    assertThat(CreditReturn.returnOn(Optional.empty(), MARCH)).isEqualTo(LocalDate.of(2026, 4, 10));
  }

  @Test
  void never_later_than_one_billing_cycle() {
    assertThat(CreditReturn.returnOn(Optional.of(LocalDate.of(2026, 12, 1)), MARCH)).isEqualTo(MARCH.endExclusive());
  }
}
