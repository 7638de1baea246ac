package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.SubscriptionStatus;

/** A plan change now and its inverse the same day give every minor unit back. */
class PlanChangePropertiesTest {

  static final LocalDate ANCHOR = LocalDate.of(2026, 1, 31);

  @Property
  void a_move_and_its_inverse_the_same_day_net_to_zero_within_one_minor_unit_per_line(
      @ForAll @LongRange(max = 10_000_000) long oldPrice, @ForAll @LongRange(max = 10_000_000) long newPrice,
      @ForAll @IntRange(min = 1, max = 100_000) int quantity, @ForAll @IntRange(max = 40) int periodIndex,
      @ForAll @IntRange(max = 370) int dayOffset, @ForAll boolean annual) {
    BillingFrequency f = annual ? BillingFrequency.ANNUAL : BillingFrequency.MONTHLY;
    BillingPeriod period = BillingPeriod.nth(ANCHOR, periodIndex, f);
    LocalDate today = period.start().plusDays(dayOffset % period.days());
    ProratedLines there = ProratedLines.of(eur(oldPrice), eur(newPrice), quantity, period, today);
    ProratedLines back = ProratedLines.of(eur(newPrice), eur(oldPrice), quantity, period, today);
    long net = there.charge().minus(there.credit()).plus(back.charge()).minus(back.credit()).minor();
    assertThat(Math.abs(net)).isLessThanOrEqualTo(4); // four lines, at most one minor unit each
    assertThat(there.credit().isNegative() || there.charge().isNegative()).isFalse();
  }

  @Property
  void between_two_plans_of_the_same_price_both_moves_happen_now_and_cancel_out(
      @ForAll @LongRange(max = 10_000_000) long price, @ForAll @IntRange(min = 1, max = 10_000) int quantity,
      @ForAll @IntRange(max = 30) int dayOffset) {
    Plan a = plan("a", price);
    Plan b = plan("b", price);
    BillingPeriod period = BillingPeriod.nth(ANCHOR, 1, BillingFrequency.MONTHLY);
    LocalDate today = period.start().plusDays(dayOffset % period.days());
    PlanChangePreview there = decide(a, b, quantity, period, today);
    PlanChangePreview back = decide(b, a, quantity, period, today);
    assertThat(there.when()).isEqualTo(PlanChangeWhen.NOW);
    assertThat(back.when()).isEqualTo(PlanChangeWhen.NOW);
    assertThat(there.net().plus(back.net()).isZero()).isTrue();
  }

  private static PlanChangePreview decide(Plan from, Plan to, int quantity, BillingPeriod period, LocalDate today) {
    return PlanChangePolicy.decide(new PlanChangeSnapshot(SubscriptionStatus.ACTIVE, true, Set.of(Role.BILLING_ADMIN),
        from, to.id(), to, quantity, 0, period, from.unitPrice(), today, period.endExclusive(),
        period.endExclusive())).preview();
  }

  private static Plan plan(String id, long price) {
    return new Plan(id, id, id, eur(price), BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25, null, 1);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
