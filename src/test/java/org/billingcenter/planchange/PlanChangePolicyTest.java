package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.planchange.PlanChangeRefusal.ABOVE_MAXIMUM;
import static org.billingcenter.planchange.PlanChangeRefusal.CURRENCY_MISMATCH;
import static org.billingcenter.planchange.PlanChangeRefusal.ENDED;
import static org.billingcenter.planchange.PlanChangeRefusal.NOT_PERMITTED;
import static org.billingcenter.planchange.PlanChangeRefusal.NO_OTHER_FREQUENCY;
import static org.billingcenter.planchange.PlanChangeRefusal.PLAN_NOT_FOUND;
import static org.billingcenter.planchange.PlanChangeRefusal.RENEWAL_OFF;
import static org.billingcenter.planchange.PlanChangeRefusal.SAME_PLAN;
import static org.billingcenter.planchange.PlanChangeRefusal.TRIAL;

import java.time.LocalDate;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PlanChangePolicyTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  static final LocalDate NEXT_INVOICE = LocalDate.of(2026, 4, 1);
  static final LocalDate BILLING_DATE = LocalDate.of(2026, 3, 28);
  static final BillingPeriod MONTH = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));
  static final BillingPeriod YEAR = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 10));

  static final Plan BASIC = plan("basic-monthly", "basic", 1000, BillingFrequency.MONTHLY, null, 1);
  static final Plan BASIC_ANNUAL = plan("basic-annual", "basic", 10_000, BillingFrequency.ANNUAL, null, 1);
  static final Plan PREMIUM = plan("premium-monthly", "premium", 2200, BillingFrequency.MONTHLY, null, 3);

  static Plan plan(String id, String product, long price, BillingFrequency f, Integer max, int rank) {
    return new Plan(id, product, product + " name", Money.of(price, "EUR"), f, f, 30, 25, max, rank);
  }

  /** A builder with defaults: an active, renewing monthly Basic subscription, a Global admin, moving to Premium. */
  static final class Given {
    SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    boolean renews = true;
    Set<Role> roles = Set.of(Role.GLOBAL_ADMIN);
    Plan current = BASIC;
    String requested = PREMIUM.id();
    Plan target = PREMIUM;
    int quantity = 5;
    int assigned = 3;
    Money billed = BASIC.unitPrice();
    BillingPeriod period = MONTH;
    LocalDate today = TODAY;

    Given status(SubscriptionStatus s) { status = s; return this; }
    Given renewalOff() { renews = false; return this; }
    Given roles(Role... r) { roles = Set.of(r); return this; }
    Given from(Plan p) { current = p; billed = p.unitPrice(); return this; }
    Given to(Plan p) { target = p; requested = p == null ? requested : p.id(); return this; }
    Given noSuchPlan(String id) { target = null; requested = id; return this; }
    Given otherFrequencyMissing() { target = null; requested = null; return this; }
    Given licenses(int q, int a) { quantity = q; assigned = a; return this; }
    Given billed(long minor) { billed = Money.of(minor, "EUR"); return this; }
    Given period(BillingPeriod p) { period = p; return this; }
    Given today(LocalDate d) { today = d; return this; }

    PlanChangeDecision decide() {
      return PlanChangePolicy.decide(new PlanChangeSnapshot(status, renews, roles, current, requested, target,
          quantity, assigned, period, billed, today, NEXT_INVOICE, BILLING_DATE));
    }
  }

  static Given given() {
    return new Given();
  }

  @ParameterizedTest(name = "billed 10.00, target {0} minor → {1}")
  @CsvSource({"100000, NOW", "1001, NOW", "1000, NOW", "999, AT_RENEWAL", "1, AT_RENEWAL", "0, AT_RENEWAL"})
  void an_upgrade_or_an_equal_price_moves_now_a_cheaper_plan_at_renewal(long targetPrice, PlanChangeWhen when) {
    Plan target = plan("other", "other", targetPrice, BillingFrequency.MONTHLY, null, 2);
    PlanChangeDecision d = given().to(target).decide();
    assertThat(d.refusal()).isNull();
    assertThat(d.preview().when()).isEqualTo(when);
  }

  @Test
  void the_billed_price_not_todays_catalog_price_is_what_an_upgrade_is_measured_against() {
    Plan target = plan("other", "other", 1100, BillingFrequency.MONTHLY, null, 2);
    // Billed 12.00 when the period started; the catalog now says 10.00: 11.00 is cheaper than what is paid.
    assertThat(given().to(target).billed(1200).decide().preview().when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    PlanChangePreview now = given().to(PREMIUM).billed(1200).decide().preview();
    assertThat(now.credit()).isEqualTo(Money.of(3871, "EUR")); // 60.00 × 20/31 = 38.709…
  }

  @ParameterizedTest(name = "{0} → {1}: at renewal")
  @CsvSource({
    "basic-monthly, basic-annual", "basic-annual, basic-monthly",
    "premium-monthly, basic-annual", "basic-annual, premium-monthly"})
  void every_frequency_change_waits_for_the_renewal_whatever_the_price(String from, String to) {
    PlanChangeDecision d = given().from(byId(from)).to(byId(to)).period(from.endsWith("annual") ? YEAR : MONTH).decide();
    assertThat(d.refusal()).isNull();
    assertThat(d.preview().when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    assertThat(d.preview().effectiveOn()).isEqualTo(from.endsWith("annual") ? YEAR.endExclusive() : MONTH.endExclusive());
    assertThat(d.preview().newFrequency()).isEqualTo(byId(to).billingFrequency());
  }

  static Plan byId(String id) {
    return Set.of(BASIC, BASIC_ANNUAL, PREMIUM).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "max {0}, quantity {1}, assigned {2} → {3}, unassign {4}, remove {5}")
  @CsvSource(nullValues = "none", value = {
    "none, 10000, 10000, none, 0, 0",
    "10, 10, 10, none, 0, 0",
    "10, 10, 9, none, 0, 0",
    "10, 9, 0, none, 0, 0",
    "9, 10, 9, ABOVE_MAXIMUM, 0, 1",
    "9, 10, 10, ABOVE_MAXIMUM, 1, 1",
    "5, 30, 8, ABOVE_MAXIMUM, 3, 25",
    "1, 2, 0, ABOVE_MAXIMUM, 0, 1"})
  void the_target_plans_maximum_must_hold_the_quantity_and_the_assigned_licenses(
      Integer max, int quantity, int assigned, PlanChangeRefusal refusal, int unassign, int remove) {
    Plan capped = plan("capped", "capped", 5000, BillingFrequency.MONTHLY, max, 5);
    PlanChangeDecision d = given().to(capped).licenses(quantity, assigned).decide();
    assertThat(d.refusal()).isEqualTo(refusal);
    assertThat(d.maximum()).isEqualTo(max);
    assertThat(d.licensesToUnassign()).isEqualTo(unassign);
    assertThat(d.licensesToRemove()).isEqualTo(remove);
    if (refusal != null) {
      assertThat(d.refusalArguments()).containsExactly(max, unassign, remove);
      assertThat(d.preview()).isNull();
    }
  }

  @ParameterizedTest
  @CsvSource({"TRIAL, TRIAL", "EXPIRED, ENDED", "DISABLED, ENDED", "DELETED, ENDED"})
  void trials_are_bought_first_and_ended_subscriptions_change_nothing(SubscriptionStatus status, PlanChangeRefusal r) {
    assertThat(given().status(status).decide().refusal()).isEqualTo(r);
    // Whoever asks: the state answers first.
    assertThat(given().status(status).roles(Role.READER).decide().refusal()).isEqualTo(r);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void only_global_and_billing_admins_change_plans(Role role) {
    boolean may = role == Role.GLOBAL_ADMIN || role == Role.BILLING_ADMIN;
    assertThat(given().roles(role).decide().refusal()).isEqualTo(may ? null : NOT_PERMITTED);
  }

  @Test
  void an_admin_with_several_roles_may_if_one_of_them_may() {
    assertThat(given().roles(Role.READER, Role.BILLING_ADMIN).decide().allowed()).isTrue();
  }

  @Test
  void the_target_must_exist_differ_and_be_in_the_same_currency() {
    PlanChangeDecision missing = given().noSuchPlan("nope").decide();
    assertThat(missing.refusal()).isEqualTo(PLAN_NOT_FOUND);
    assertThat(missing.refusalArguments()).containsExactly("nope");
    assertThat(given().otherFrequencyMissing().decide().refusal()).isEqualTo(NO_OTHER_FREQUENCY);
    assertThat(given().to(BASIC).decide().refusal()).isEqualTo(SAME_PLAN);
    Plan dollars = new Plan("usd", "premium", "Premium", Money.of(2200, "USD"), BillingFrequency.MONTHLY,
        BillingFrequency.MONTHLY, 30, 25, null, 3);
    PlanChangeDecision usd = given().to(dollars).decide();
    assertThat(usd.refusal()).isEqualTo(CURRENCY_MISMATCH);
    assertThat(usd.refusalArguments()).containsExactly("USD", "EUR");
  }

  @ParameterizedTest(name = "renews {0}, target {1} → {2}")
  @CsvSource(nullValues = "none", value = {
    "true, premium-monthly, none", "true, basic-annual, none",
    "false, premium-monthly, none", "false, basic-annual, RENEWAL_OFF"})
  void a_change_at_renewal_needs_a_renewal(boolean renews, String target, PlanChangeRefusal refusal) {
    Given g = given().to(byId(target));
    if (!renews) {
      g.renewalOff();
    }
    assertThat(g.decide().refusal()).isEqualTo(refusal);
  }

  @Test
  void a_downgrade_with_renewal_off_is_refused_too() {
    assertThat(given().from(PREMIUM).to(BASIC).renewalOff().decide().refusal()).isEqualTo(RENEWAL_OFF);
  }

  @Test
  void an_upgrade_now_charges_the_new_plans_days_on_the_next_invoice_and_returns_the_old_plans_on_the_billing_date() {
    PlanChangeDecision d = given().licenses(5, 3).decide();
    PlanChangePreview p = d.preview();
    assertThat(p.when()).isEqualTo(PlanChangeWhen.NOW);
    assertThat(p.effectiveOn()).isEqualTo(TODAY);
    assertThat(p.credit()).isEqualTo(Money.of(3226, "EUR")); // 50.00 × 20/31 = 32.258…
    assertThat(p.charge()).isEqualTo(Money.of(7097, "EUR")); // 110.00 × 20/31 = 70.967…
    assertThat(p.net()).isEqualTo(Money.of(3871, "EUR"));
    assertThat(p.invoiceOn()).isEqualTo(NEXT_INVOICE);
    assertThat(p.creditReturnOn()).isEqualTo(BILLING_DATE);
    assertThat(p.sameInvoice()).isFalse();
    assertThat(p.newUnitPrice()).isEqualTo(PREMIUM.unitPrice());
    assertThat(p.quantity()).isEqualTo(5);
    assertThat(p.membersKeepingLicenses()).isEqualTo(3);
    assertThat(p.fromPlan()).isEqualTo(BASIC.id());
    assertThat(p.toPlan()).isEqualTo(PREMIUM.id());
  }

  @ParameterizedTest(name = "on {0}: credit {1}, charge {2}")
  @CsvSource({
    "2026-03-10, 4839, 10645", // the first day counts as used: 30 of 31 days left
    "2026-04-09, 0, 0", //        the last day: nothing left
    "2026-03-09, 5000, 11000"}) // before the period (a renewal not yet run): the whole period
  void the_prorated_lines_at_the_edges_of_the_period(LocalDate today, long credit, long charge) {
    PlanChangePreview p = given().today(today).decide().preview();
    assertThat(p.credit()).isEqualTo(Money.of(credit, "EUR"));
    assertThat(p.charge()).isEqualTo(Money.of(charge, "EUR"));
  }

  @Test
  void a_change_at_renewal_moves_no_money_now_and_names_the_renewal_day() {
    PlanChangePreview p = given().from(PREMIUM).to(BASIC).decide().preview();
    assertThat(p.when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    assertThat(p.effectiveOn()).isEqualTo(MONTH.endExclusive());
    assertThat(p.credit().isZero()).isTrue();
    assertThat(p.charge().isZero()).isTrue();
    assertThat(p.invoiceOn()).isNull();
    assertThat(p.newUnitPrice()).isEqualTo(BASIC.unitPrice());
    assertThat(p.membersKeepingLicenses()).isEqualTo(3);
  }

  @Test
  void the_decision_says_itself_in_one_sentence() {
    assertThat(given().decide().message(false).key()).isEqualTo("planchange.outcome.now");
    assertThat(given().decide().message(true).key()).isEqualTo("planchange.done.now");
    assertThat(given().from(PREMIUM).to(BASIC).decide().message(false).key()).isEqualTo("planchange.outcome.at_renewal");
    assertThat(given().roles(Role.READER).decide().message(false).key()).isEqualTo("error.not_permitted");
  }
}
