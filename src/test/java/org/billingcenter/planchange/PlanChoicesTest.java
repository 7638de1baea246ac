package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;

class PlanChoicesTest {

  static final Plan BASIC_M = plan("basic-m", "basic", 600, BillingFrequency.MONTHLY, 1, "EUR");
  static final Plan BASIC_A = plan("basic-a", "basic", 6000, BillingFrequency.ANNUAL, 1, "EUR");
  static final Plan STANDARD_M = plan("standard-m", "standard", 1250, BillingFrequency.MONTHLY, 2, "EUR");
  static final Plan PREMIUM_M = plan("premium-m", "premium", 2200, BillingFrequency.MONTHLY, 3, "EUR");
  static final Plan PREMIUM_A = plan("premium-a", "premium", 21_000, BillingFrequency.ANNUAL, 3, "EUR");
  static final Plan PREMIUM_USD = plan("premium-usd", "premium", 2200, BillingFrequency.MONTHLY, 3, "USD");
  static final Plan KIOSK = plan("kiosk-m", "kiosk", 200, BillingFrequency.MONTHLY, 0, "EUR");
  static final List<Plan> CATALOG = List.of(PREMIUM_USD, KIOSK, PREMIUM_A, BASIC_A, PREMIUM_M, STANDARD_M, BASIC_M);

  static Plan plan(String id, String product, long price, BillingFrequency f, int rank, String currency) {
    return new Plan(id, product, product, Money.of(price, currency), f, f, 30, 25, null, rank);
  }

  @Test
  void upgrades_are_the_higher_ranks_in_the_same_currency_nearest_first() {
    assertThat(PlanChoices.upgrades(BASIC_M, CATALOG)).containsExactly(STANDARD_M, PREMIUM_M, PREMIUM_A);
    assertThat(PlanChoices.upgrades(PREMIUM_M, CATALOG)).isEmpty();
  }

  @Test
  void the_choices_list_the_upgrades_first_then_the_others_but_never_the_current_plan() {
    assertThat(PlanChoices.choices(STANDARD_M, CATALOG)).containsExactly(PREMIUM_M, PREMIUM_A, BASIC_M, BASIC_A, KIOSK);
  }

  @Test
  void the_other_frequency_is_the_same_products_plan_of_the_other_frequency() {
    assertThat(PlanChoices.otherFrequency(BASIC_M, CATALOG)).contains(BASIC_A);
    assertThat(PlanChoices.otherFrequency(PREMIUM_A, CATALOG)).contains(PREMIUM_M);
    assertThat(PlanChoices.otherFrequency(STANDARD_M, CATALOG)).isEmpty();
    assertThat(PlanChoices.otherFrequency(PREMIUM_USD, CATALOG)).isEmpty(); // only EUR plans of the other frequency
  }
}
