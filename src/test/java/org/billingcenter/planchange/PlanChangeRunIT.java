package org.billingcenter.planchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.Invoice;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plan and billing-frequency changes carried through to the money: the change made by the plan
 * service, then the billing runs of the dates its preview named, then the invoices they wrote.
 * Test subscriptions are bought on 10 March 2026 (Paris): 10 March – 10 April, 31 days.
 */
class PlanChangeRunIT extends DatabaseIT {

  /** A bigger plan of another product, same frequency: an upgrade happens now. */
  static final String PLUS = "plan-run-plus-eur";
  /** Another plan at the test monthly plan's price: a move there and back both happen now. */
  static final String TWIN = "plan-run-twin-eur";
  static final PlanChanger ADMIN = new PlanChanger("admin", Set.of(Role.BILLING_ADMIN));
  static final LocalDate CHANGED = LocalDate.of(2026, 3, 20); // 20 of the period's 31 days unused
  static final LocalDate RENEWAL = LocalDate.of(2026, 4, 10);

  @Autowired PlanChangeService planChanges;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired BillingRunService runs;
  @Autowired CatalogService catalog;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void plans() {
    tenants.tenant(0); // the test plans of TestTenants exist from here on
    List<String> existing = catalog.plans().stream().map(Plan::id).toList();
    if (!existing.contains(PLUS)) {
      catalog.addPlan(new Plan(PLUS, "plan-run-plus", "Plan run plus", Money.of(2200, "EUR"), BillingFrequency.MONTHLY,
          BillingFrequency.MONTHLY, 30, 25, null, 5));
      catalog.addPlan(new Plan(TWIN, "plan-run-twin", "Plan run twin", Money.of(1000, "EUR"), BillingFrequency.MONTHLY,
          BillingFrequency.MONTHLY, 30, 25, null, 0));
    }
  }

  @Test
  void an_upgrade_now_puts_both_prorated_lines_on_the_previewed_invoice_and_the_renewal_costs_the_new_price() {
    Given org = tenants.tenant(3);
    at(LocalDate.of(2026, 2, 25));
    tenants.subscription(org, 1, 0); // 10.00 renewing on 25 March: the organisation's next invoice
    at(START_DAY);
    Subscription s = tenants.subscription(org, 5, 3);
    at(CHANGED);

    PlanChangePreview p = planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(PLUS)).preview();

    assertThat(p.when()).isEqualTo(PlanChangeWhen.NOW);
    assertThat(p.invoiceOn()).isEqualTo(LocalDate.of(2026, 3, 25));
    assertThat(p.credit()).isEqualTo(Money.of(3226, "EUR")); // 50.00 × 20/31
    assertThat(p.charge()).isEqualTo(Money.of(7097, "EUR")); // 110.00 × 20/31
    runs.run(p.invoiceOn().minusDays(1));
    assertThat(invoiceOn(org, p.invoiceOn())).isNull();
    runs.run(p.invoiceOn());
    runs.run(p.invoiceOn()); // a second run of the day adds nothing

    Invoice next = invoiceOn(org, p.invoiceOn());
    assertThat(proratedLines(next, s)).extracting(Invoice.Line::kind, Invoice.Line::description, Invoice.Line::amount)
        .containsExactlyInAnyOrder(
            tuple("ADJUSTMENT", "PRORATED_CHARGE", p.charge()),
            tuple("CREDIT", "PRORATED_CREDIT", p.credit().negate()));
    assertThat(proratedLines(next, s)).filteredOn(l -> l.kind().equals("ADJUSTMENT")).singleElement().satisfies(l -> {
      assertThat(l.unitPrice()).isEqualTo(p.newUnitPrice());
      assertThat(l.quantity()).isEqualTo(p.quantity());
      assertThat(l.periodStart()).isEqualTo(s.currentPeriod().start());
    });
    assertThat(next.total()).isEqualTo(Money.of(1000 + 7097 - 3226, "EUR"));
    assertThat(paid(org, next)).isEqualTo(next.total().minor());
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.APPLIED));

    runs.run(RENEWAL);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo("CHARGE");
      assertThat(l.subscription()).isEqualTo(s.id().value());
      assertThat(l.unitPrice()).isEqualTo(Money.of(2200, "EUR"));
      assertThat(l.quantity()).isEqualTo(5);
      assertThat(l.amount()).isEqualTo(Money.of(11_000, "EUR"));
      assertThat(l.periodStart()).isEqualTo(RENEWAL);
    });
  }

  @Test
  void an_upgrade_now_of_an_organisations_only_subscription_lands_beside_its_renewal_at_the_new_price() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    at(CHANGED);

    PlanChangePreview p = planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(PLUS)).preview();
    assertThat(p.invoiceOn()).isEqualTo(RENEWAL); // nothing else is invoiced before the period ends
    runs.run(p.invoiceOn());

    Invoice renewal = invoiceOn(org, RENEWAL);
    assertThat(renewal.lines()).extracting(Invoice.Line::kind, Invoice.Line::description, Invoice.Line::amount)
        .containsExactly(
            tuple("CHARGE", null, Money.of(11_000, "EUR")),
            tuple("ADJUSTMENT", "PRORATED_CHARGE", p.charge()),
            tuple("CREDIT", "PRORATED_CREDIT", p.credit().negate()));
    assertThat(renewal.lines().get(0).unitPrice()).isEqualTo(Money.of(2200, "EUR"));
    assertThat(renewal.total()).isEqualTo(Money.of(11_000 + 7097 - 3226, "EUR"));
    assertThat(billing.refunds(org.id())).isEmpty();
  }

  @Test
  void a_downgrade_waits_for_the_renewal_which_charges_the_cheaper_plan_and_applies_it() {
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), PLUS, 4, org.card(), TestTenants.ACTOR); // 88.00
    at(CHANGED);

    PlanChangePreview p =
        planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(TestTenants.MONTHLY_PLAN)).preview();
    assertThat(p.when()).isEqualTo(PlanChangeWhen.AT_RENEWAL);
    assertThat(p.effectiveOn()).isEqualTo(RENEWAL);
    UUID change = subscriptions.pendingChanges(org.id(), s.id()).get(0).id();

    runs.run(RENEWAL.minusDays(1));
    assertThat(now(org, s).planId()).isEqualTo(PLUS);
    assertThat(changeStatus(org, change)).isEqualTo("PENDING");
    assertThat(billing.chargeFor(org.id(), s.id(), s.currentPeriod().start()).orElseThrow().amount())
        .isEqualTo(Money.of(8800, "EUR"));
    assertThat(billing.invoices(org.id())).extracting(Invoice::date).containsExactly(START_DAY);
    assertThat(billing.credits(org.id())).isEmpty();

    runs.run(RENEWAL);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo("CHARGE");
      assertThat(l.unitPrice()).isEqualTo(p.newUnitPrice()).isEqualTo(Money.of(1000, "EUR"));
      assertThat(l.quantity()).isEqualTo(4);
      assertThat(l.amount()).isEqualTo(Money.of(4000, "EUR"));
      assertThat(l.periodStart()).isEqualTo(RENEWAL);
      assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2026, 5, 10));
    });
    Subscription after = now(org, s);
    assertThat(after.planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(after.anchorDate()).isEqualTo(START_DAY); // same frequency: the anchor stays
    assertThat(changeStatus(org, change)).isEqualTo("APPLIED");
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).isEmpty();
    assertThat(actions(org, s)).containsSubsequence("PLAN_CHANGE_SCHEDULED", "SCHEDULED_CHANGE_APPLIED");
    runs.run(LocalDate.of(2026, 5, 10));
    assertThat(invoiceOn(org, LocalDate.of(2026, 5, 10)).total()).isEqualTo(Money.of(4000, "EUR"));
  }

  @Test
  void monthly_to_annual_charges_one_annual_period_from_the_renewal_which_becomes_the_anchor() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 3, 0);
    PlanChangePreview p = planChanges.changeFrequency(org.id(), s.id(), ADMIN).preview();
    assertThat(p.toPlan()).isEqualTo(TestTenants.ANNUAL_PLAN);
    assertThat(p.effectiveOn()).isEqualTo(RENEWAL);

    runs.run(RENEWAL);
    assertThat(invoiceOn(org, RENEWAL).lines()).singleElement().satisfies(l -> {
      assertThat(l.unitPrice()).isEqualTo(Money.of(10_000, "EUR"));
      assertThat(l.quantity()).isEqualTo(3);
      assertThat(l.amount()).isEqualTo(Money.of(30_000, "EUR"));
      assertThat(l.periodStart()).isEqualTo(RENEWAL);
      assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2027, 4, 10));
    });
    Subscription annual = now(org, s);
    assertThat(annual.planId()).isEqualTo(TestTenants.ANNUAL_PLAN);
    assertThat(annual.anchorDate()).isEqualTo(RENEWAL);
    assertThat(annual.currentPeriod()).isEqualTo(new BillingPeriod(RENEWAL, LocalDate.of(2027, 4, 10)));
    runs.run(LocalDate.of(2026, 5, 10));
    assertThat(billing.invoices(org.id())).hasSize(2);
  }

  @Test
  void monthly_to_annual_from_a_clamped_month_end_anchors_the_year_on_the_renewal_day() {
    Given org = tenants.tenant(0);
    at(LocalDate.of(2026, 1, 31));
    Subscription s = tenants.subscription(org, 2, 0); // 31 January – 28 February, then 28 February – 31 March
    planChanges.changeFrequency(org.id(), s.id(), ADMIN);

    LocalDate renewal = LocalDate.of(2026, 2, 28);
    runs.run(renewal);
    assertThat(invoiceOn(org, renewal).lines()).singleElement().satisfies(l -> {
      assertThat(l.periodStart()).isEqualTo(renewal);
      assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2027, 2, 28)); // not 31 January: a new anchor
      assertThat(l.amount()).isEqualTo(Money.of(20_000, "EUR"));
    });
    assertThat(now(org, s).anchorDate()).isEqualTo(renewal);
    runs.run(LocalDate.of(2026, 3, 31));
    assertThat(billing.invoices(org.id())).hasSize(2);
  }

  @Test
  void annual_to_monthly_charges_one_month_from_the_annual_renewal_then_monthly() {
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, 2, org.card(), TestTenants.ACTOR);
    PlanChangePreview p = planChanges.changeFrequency(org.id(), s.id(), ADMIN).preview();
    LocalDate renewal = LocalDate.of(2027, 3, 10);
    assertThat(p.toPlan()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(p.effectiveOn()).isEqualTo(renewal);

    runs.run(RENEWAL); // a month on: the annual period is paid, nothing happens
    assertThat(billing.invoices(org.id())).hasSize(1);
    assertThat(now(org, s).planId()).isEqualTo(TestTenants.ANNUAL_PLAN);

    runs.run(renewal);
    assertThat(invoiceOn(org, renewal).lines()).singleElement().satisfies(l -> {
      assertThat(l.unitPrice()).isEqualTo(Money.of(1000, "EUR"));
      assertThat(l.quantity()).isEqualTo(2);
      assertThat(l.amount()).isEqualTo(Money.of(2000, "EUR"));
      assertThat(l.periodStart()).isEqualTo(renewal);
      assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2027, 4, 10));
    });
    Subscription monthly = now(org, s);
    assertThat(monthly.planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(monthly.anchorDate()).isEqualTo(renewal);
    runs.run(LocalDate.of(2027, 4, 10));
    assertThat(invoiceOn(org, LocalDate.of(2027, 4, 10)).total()).isEqualTo(Money.of(2000, "EUR"));
  }

  /**
   * Back from a bigger plan is a downgrade, so it waits for the renewal: the inverse that happens
   * now is a move between two plans of the same price, there and back the same day.
   */
  @Test
  void a_move_and_its_inverse_the_same_day_net_to_zero_on_the_invoice() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    at(CHANGED);
    Subscription upgraded = subscriptions.purchase(org.id(), TestTenants.MONTHLY_PLAN, 1, org.card(), TestTenants.ACTOR);
    planChanges.change(org.id(), upgraded.id(), ADMIN, new PlanChangeService.Request(PLUS));
    assertThat(planChanges.check(org.id(), upgraded.id(), ADMIN, TestTenants.MONTHLY_PLAN).preview().when())
        .isEqualTo(PlanChangeWhen.AT_RENEWAL);
    Money before = billing.chargeFor(org.id(), s.id(), s.currentPeriod().start()).orElseThrow().amount();

    PlanChangePreview there = planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(TWIN)).preview();
    PlanChangePreview back =
        planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(TestTenants.MONTHLY_PLAN)).preview();

    assertThat(List.of(there.when(), back.when())).containsOnly(PlanChangeWhen.NOW);
    assertThat(there.charge()).isEqualTo(Money.of(3226, "EUR")); // 50.00 × 20/31: not a trivial zero
    assertThat(back.invoiceOn()).isEqualTo(there.invoiceOn());
    assertThat(now(org, s).planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(billing.chargeFor(org.id(), s.id(), s.currentPeriod().start()).orElseThrow().amount()).isEqualTo(before);

    runs.run(there.invoiceOn());
    List<Invoice.Line> lines = proratedLines(invoiceOn(org, there.invoiceOn()), s);
    assertThat(lines).extracting(Invoice.Line::description)
        .containsExactlyInAnyOrder("PRORATED_CHARGE", "PRORATED_CHARGE", "PRORATED_CREDIT", "PRORATED_CREDIT");
    long net = lines.stream().mapToLong(l -> l.amount().minor()).sum();
    assertThat(Math.abs(net)).isLessThanOrEqualTo(lines.size());
  }

  @Test
  void a_withdrawn_plan_change_leaves_the_renewal_on_the_old_plan() {
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), PLUS, 2, org.card(), TestTenants.ACTOR);
    Subscription f = tenants.subscription(org, 3, 0);
    at(CHANGED);
    planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(TestTenants.MONTHLY_PLAN));
    planChanges.changeFrequency(org.id(), f.id(), ADMIN);
    ScheduledChange downgrade = subscriptions.pendingChanges(org.id(), s.id()).get(0);
    ScheduledChange toAnnual = subscriptions.pendingChanges(org.id(), f.id()).get(0);

    assertThat(subscriptions.withdrawChange(org.id(), s.id(), downgrade.id(), "admin").status())
        .isEqualTo(ScheduledChange.Status.WITHDRAWN);
    assertThat(subscriptions.withdrawChange(org.id(), f.id(), toAnnual.id(), "admin").status())
        .isEqualTo(ScheduledChange.Status.WITHDRAWN);
    runs.run(RENEWAL);

    assertThat(invoiceOn(org, RENEWAL).lines())
        .extracting(l -> l.subscription(), Invoice.Line::unitPrice, Invoice.Line::amount, Invoice.Line::periodEnd)
        .containsExactlyInAnyOrder(
            tuple(s.id().value(), Money.of(2200, "EUR"), Money.of(4400, "EUR"), LocalDate.of(2026, 5, 10)),
            tuple(f.id().value(), Money.of(1000, "EUR"), Money.of(3000, "EUR"), LocalDate.of(2026, 5, 10)));
    assertThat(now(org, s).planId()).isEqualTo(PLUS);
    assertThat(now(org, f).planId()).isEqualTo(TestTenants.MONTHLY_PLAN);
    assertThat(changeStatus(org, downgrade.id())).isEqualTo("WITHDRAWN");
    assertThat(changeStatus(org, toAnnual.id())).isEqualTo("WITHDRAWN");
    assertThat(actions(org, s)).doesNotContain("SCHEDULED_CHANGE_APPLIED");
  }

  @Test
  void an_upgrade_now_replaces_a_plan_change_scheduled_before_it_so_the_renewal_keeps_the_upgrade() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 2, 0);
    planChanges.changeFrequency(org.id(), s.id(), ADMIN);
    ScheduledChange toAnnual = subscriptions.pendingChanges(org.id(), s.id()).get(0);
    // A scheduled addition of a license, as the quantity flow would schedule it: it stays.
    transaction.executeWithoutResult(st -> subscriptions.scheduleChange(
        subscriptions.lock(org.id(), s.id()), ScheduledChange.Kind.QUANTITY, 3, null, TestTenants.ACTOR));
    at(CHANGED);

    planChanges.change(org.id(), s.id(), ADMIN, new PlanChangeService.Request(PLUS));

    assertThat(changeStatus(org, toAnnual.id())).isEqualTo("WITHDRAWN");
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).extracting(ScheduledChange::kind)
        .containsExactly(ScheduledChange.Kind.QUANTITY);
    runs.run(RENEWAL);
    assertThat(now(org, s).planId()).isEqualTo(PLUS);
    assertThat(invoiceOn(org, RENEWAL).lines()).filteredOn(l -> l.kind().equals("CHARGE")).singleElement()
        .satisfies(l -> {
          assertThat(l.unitPrice()).isEqualTo(Money.of(2200, "EUR"));
          assertThat(l.quantity()).isEqualTo(3);
          assertThat(l.periodEnd()).isEqualTo(LocalDate.of(2026, 5, 10));
        });
  }

  static final LocalDate START_DAY = LocalDate.of(2026, 3, 10);

  private void at(LocalDate day) {
    clock.set(Instant.parse(day + "T10:00:00Z")); // 11:00 in Paris: the same day
  }

  private Subscription now(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription();
  }

  /** The organisation's invoice (not credit note) of {@code date} with its lines, or null. */
  private Invoice invoiceOn(Given org, LocalDate date) {
    return billing.invoices(org.id()).stream()
        .filter(i -> i.date().equals(date) && i.kind().equals("INVOICE"))
        .findFirst()
        .map(i -> billing.invoice(org.id(), i.id()))
        .orElse(null);
  }

  private static List<Invoice.Line> proratedLines(Invoice invoice, Subscription s) {
    return invoice.lines().stream()
        .filter(l -> s.id().value().equals(l.subscription()) && l.description() != null)
        .toList();
  }

  private long paid(Given org, Invoice invoice) {
    return jdbc.sql("select coalesce(sum(amount_minor), 0) from payment where tenant_id = :t and invoice_id = :i")
        .param("t", org.id().value()).param("i", invoice.id()).query(Long.class).single();
  }

  private String changeStatus(Given org, UUID change) {
    return jdbc.sql("select status from scheduled_change where tenant_id = :t and change_id = :c")
        .param("t", org.id().value()).param("c", change).query(String.class).single();
  }

  private List<String> actions(Given org, Subscription s) {
    return audit.history(org.id(), "subscription", s.id().toString()).stream().map(AuditEvent::action).toList();
  }
}
