package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.billingcenter.account.Role;
import org.billingcenter.licensing.QuantityChangePreview.Direction;
import org.billingcenter.licensing.QuantityChangeSnapshot.PastChange;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityChangePreviewTest {

  static final SubscriptionId ID = SubscriptionId.random();
  static final BillingPeriod PERIOD = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));
  static final LocalDate INVOICE = LocalDate.of(2026, 4, 1);
  static final Money PRICE = Money.of(1000, "EUR");

  static QuantityChangePreview preview(
      int quantity, int requested, LocalDate today, List<PastChange> changes, QuantityChangeWhen when, Money price) {
    QuantityChangeDecision decision = QuantityChangePolicy.decide(
        new QuantityChangeSnapshot(SubscriptionStatus.ACTIVE, true, false, quantity, requested, 0, null,
            Set.of(Role.BILLING_ADMIN), today, PERIOD, changes, 7, when));
    return QuantityChangePreview.of(ID, decision, price, PERIOD, today, INVOICE);
  }

  @ParameterizedTest(name = "10 → {0} on {1}: {2} {3} minor units")
  @CsvSource({
      // 20 March: 20 whole days left after today of 31; 1000 × 5 × 20 / 31 = 3225.8 → 3226
      "15, 2026-03-20, CHARGE, 3226",
      "11, 2026-03-20, CHARGE, 645", // 645.16
      "15, 2026-03-10, CHARGE, 4839", // 30 of 31 days left: the day of the change is used
      "15, 2026-04-09, NONE,   0", // the period's last day: nothing left to charge
      "7,  2026-03-12, CREDIT, 2710"}) // 3 × 1000 × 28 / 31 = 2709.7 → 2710
  void a_change_now_is_prorated_on_the_remaining_days_and_rounded_once(
      int requested, LocalDate today, Direction direction, long minor) {
    QuantityChangePreview p = preview(10, requested, today, List.of(), null, PRICE);
    assertThat(p.direction()).isEqualTo(direction);
    assertThat(p.amount()).isEqualTo(Money.of(minor, "EUR"));
    assertThat(p.chargedOn()).isEqualTo(direction == Direction.NONE ? null : INVOICE);
    assertThat(p.effectiveOn()).isEqualTo(today);
    assertThat(p.unitPrice()).isEqualTo(PRICE);
    assertThat(p.quantityBefore()).isEqualTo(10);
    assertThat(p.quantityAfter()).isEqualTo(requested);
  }

  @Test
  void a_change_at_renewal_moves_no_money_now() {
    QuantityChangePreview p =
        preview(10, 15, LocalDate.of(2026, 3, 20), List.of(), QuantityChangeWhen.AT_RENEWAL, PRICE);
    assertThat(p.when()).isEqualTo(QuantityChangeWhen.AT_RENEWAL);
    assertThat(p.effectiveOn()).isEqualTo(PERIOD.endExclusive());
    assertThat(p.direction()).isEqualTo(Direction.NONE);
    assertThat(p.amount().isZero()).isTrue();
    assertThat(p.chargedOn()).isNull();
  }

  @Test
  void a_refusal_says_how_many_licenses_to_unassign() {
    QuantityChangeDecision decision = QuantityChangePolicy.decide(
        new QuantityChangeSnapshot(SubscriptionStatus.ACTIVE, true, false, 10, 2, 6, 50,
            Set.of(Role.GLOBAL_ADMIN), LocalDate.of(2026, 3, 12), PERIOD, List.of(), 7, null));
    QuantityChangePreview p = QuantityChangePreview.of(ID, decision, PRICE, PERIOD, LocalDate.of(2026, 3, 12), INVOICE);
    assertThat(p.allowed()).isFalse();
    assertThat(p.refusal()).isEqualTo(QuantityChangeRefusal.LICENSES_IN_USE);
    assertThat(p.licensesToUnassign()).isEqualTo(4);
    assertThat(p.maximum()).isEqualTo(50);
    assertThat(p.direction()).isEqualTo(Direction.NONE);
    assertThat(p.when()).isNull();
  }

  /** Buying n licenses now and removing the same n now, the same day, nets to zero. */
  @Property
  void buying_and_removing_the_same_licenses_the_same_day_nets_to_zero(
      @ForAll @IntRange(min = 1, max = 1000) int quantity,
      @ForAll @IntRange(min = 1, max = 1000) int added,
      @ForAll @IntRange(min = 0, max = 30) int dayOfPeriod,
      @ForAll @LongRange(min = 0, max = 10_000_000) long unitMinor) {
    LocalDate today = PERIOD.start().plusDays(dayOfPeriod);
    Money price = Money.of(unitMinor, "EUR");
    QuantityChangePreview bought = preview(quantity, quantity + added, today, List.of(), null, price);
    QuantityChangePreview removed =
        preview(quantity + added, quantity, today, List.of(new PastChange(today, added)), QuantityChangeWhen.NOW, price);
    assertThat(bought.allowed()).isTrue();
    assertThat(removed.allowed()).isTrue();
    assertThat(removed.when()).isEqualTo(QuantityChangeWhen.NOW);
    assertThat(Math.abs(bought.amount().minor() - removed.amount().minor())).isLessThanOrEqualTo(1);
    if (bought.amount().isPositive()) {
      assertThat(bought.direction()).isEqualTo(Direction.CHARGE);
      assertThat(removed.direction()).isEqualTo(Direction.CREDIT);
    }
  }
}
