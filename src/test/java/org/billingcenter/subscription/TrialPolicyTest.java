package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.TrialPolicy.Conversion;
import org.billingcenter.subscription.TrialPolicy.ExtensionRefusal;
import org.billingcenter.subscription.TrialPolicy.NoConversion;
import org.billingcenter.subscription.TrialPolicy.TrialFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialPolicyTest {

  static final LocalDate END = LocalDate.of(2026, 12, 12);
  static final TrialSettings SETTINGS = new TrialSettings(30, 15);
  static final Money PRICE = Money.of(52_500, "TWD"); // NT$525.00 a license a month

  static TrialFacts trial(boolean conversionOn, boolean card, int assigned, Integer chosen, boolean extended) {
    return new TrialFacts(END, conversionOn, card, assigned, chosen, extended);
  }

  @ParameterizedTest(name = "{0} days before the end, extended before: {1} -> allowed {2} ({3})")
  @CsvSource(nullValues = "-", textBlock = """
      # days before end, extended, allowed, refusal
        30, false, false, TOO_EARLY
        16, false, false, TOO_EARLY
        15, false, true,  -
         1, false, true,  -
         0, false, true,  -
        15, true,  false, ALREADY_EXTENDED
         3, true,  false, ALREADY_EXTENDED
        20, true,  false, ALREADY_EXTENDED
      """)
  void a_trial_is_extended_once_and_only_within_its_last_15_days(
      int daysBefore, boolean extended, boolean allowed, ExtensionRefusal refusal) {
    var extension = TrialPolicy.extension(trial(true, true, 2, null, extended), END.minusDays(daysBefore), SETTINGS);
    assertThat(extension.allowed()).isEqualTo(allowed);
    assertThat(extension.refusal()).isEqualTo(refusal);
    assertThat(extension.opensOn()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(extension.newEnd()).isEqualTo(LocalDate.of(2027, 1, 11));
    assertThat(extension.days()).isEqualTo(30);
  }

  @ParameterizedTest(name = "{0} assigned, admin chose {1} -> converts with {2}, set by admin {3}")
  @CsvSource(nullValues = "-", textBlock = """
      # assigned, chosen, quantity, set by admin
         0, -,  1, false
         1, -,  1, false
         2, -,  2, false
        25, -, 25, false
         0, 3,  3, true
         1, 3,  3, true
         2, 3,  3, true
        25, 3, 25, false
        25, 40, 40, true
      """)
  void a_trial_converts_with_the_licenses_assigned_or_the_admins_number_never_its_allowance(
      int assigned, Integer chosen, int quantity, boolean setByAdmin) {
    Conversion conversion = TrialPolicy.conversion(trial(true, true, assigned, chosen, false), PRICE);
    assertThat(conversion.willConvert()).isTrue();
    assertThat(conversion.on()).isEqualTo(END);
    assertThat(conversion.quantity()).isEqualTo(quantity);
    assertThat(conversion.quantitySetByAdmin()).isEqualTo(setByAdmin);
    assertThat(conversion.firstCharge()).isEqualTo(Money.of(52_500L * quantity, "TWD"));
  }

  @ParameterizedTest(name = "conversion on {0}, card {1} -> converts {2} ({3})")
  @CsvSource(nullValues = "-", textBlock = """
      true,  true,  true,  -
      false, true,  false, CONVERSION_OFF
      true,  false, false, NO_PAYMENT_METHOD
      false, false, false, CONVERSION_OFF
      """)
  void a_trial_converts_only_with_conversion_on_and_a_payment_method(
      boolean conversionOn, boolean card, boolean converts, NoConversion reason) {
    Conversion conversion = TrialPolicy.conversion(trial(conversionOn, card, 2, null, false), PRICE);
    assertThat(conversion.willConvert()).isEqualTo(converts);
    assertThat(conversion.reason()).isEqualTo(reason);
    assertThat(conversion.on()).isEqualTo(END);
    if (!converts) {
      assertThat(conversion.firstCharge()).isNull();
    }
  }

  @ParameterizedTest(name = "{0} licenses with {1} assigned, plan maximum {2} -> {3}")
  @CsvSource(nullValues = "-", textBlock = """
      # quantity, assigned, plan maximum, refusal
        2,      2, 300, -
        1,      2, 300, QUANTITY_BELOW_ASSIGNED
        0,      0, 300, QUANTITY_OUT_OF_RANGE
        300,    2, 300, -
        301,    2, 300, QUANTITY_OUT_OF_RANGE
        100000, 0, -,   -
        100001, 0, -,   QUANTITY_OUT_OF_RANGE
      """)
  void an_admins_quantity_keeps_every_assignment_and_stays_under_the_maximum(
      int quantity, int assigned, Integer maximum, String refusal) {
    assertThat(TrialPolicy.refusedQuantity(quantity, assigned, maximum).map(r -> r.reason().code()).orElse(null))
        .isEqualTo(refusal);
  }

  @Test
  void the_first_charge_is_rounded_once_from_the_unit_price() {
    assertThat(TrialPolicy.firstCharge(Money.of(1_050, "TWD"), 3)).isEqualTo(Money.of(3_150, "TWD"));
  }
}
