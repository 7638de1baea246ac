package org.billingcenter.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrrTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency DKK = Currency.getInstance("DKK");
  private static final Currency JPY = Currency.getInstance("JPY");

  @ParameterizedTest(name = "monthly {0} + annual {1} = {2} a month")
  @CsvSource({
      "0, 0, 0",
      "3000, 0, 3000",
      "0, 12000, 1000",
      "0, 20000, 1667", // 200.00 a year: 16.666… rounds half-up once
      "0, 10006, 834", // 833.83…
      "0, 6, 1", // 0.5 rounds up
      "0, 5, 0",
      "3000, 20000, 4667"
  })
  void an_annual_total_counts_a_twelfth_rounded_once(long monthly, long annual, long expected) {
    List<Money> mrr = Mrr.of(List.of(new Mrr.Total(EUR, BillingFrequency.MONTHLY, monthly),
        new Mrr.Total(EUR, BillingFrequency.ANNUAL, annual)));
    assertThat(mrr).containsExactly(new Money(expected, EUR));
  }

  @Test
  void each_currency_has_its_own_amount_in_code_order_and_nothing_paid_is_no_amount() {
    List<Money> mrr = Mrr.of(List.of(new Mrr.Total(EUR, BillingFrequency.MONTHLY, 500),
        new Mrr.Total(DKK, BillingFrequency.ANNUAL, 1200), new Mrr.Total(JPY, BillingFrequency.ANNUAL, 1000)));
    assertThat(mrr).containsExactly(new Money(100, DKK), new Money(500, EUR), new Money(83, JPY));
    assertThat(Mrr.of(List.of())).isEmpty();
  }
}
