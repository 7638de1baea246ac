package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.PlanChanged;
import org.billingcenter.subscription.ProratedAmount;
import org.billingcenter.subscription.ProratedAmount.Direction;
import org.billingcenter.subscription.QuantityChanged;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What changes made "now" cost or return: booked exactly once in the changing transaction, put on
 * the invoice of their date by that day's run, and what a later cancellation credits. The events
 * are published here as the quantity and plan services will publish them.
 */
class ProratedChangesIT extends DatabaseIT {

  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired BillingRunService runs;
  @Autowired CancellationService cancellations;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);
  static final Money TEN = Money.of(1000, "EUR");
  // The test subscriptions are bought on 10 March: 10 Mar – 10 Apr, 31 days.
  static final BillingPeriod MARCH = new BillingPeriod(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10));
  static final LocalDate CHANGED = LocalDate.of(2026, 3, 20); // 20 unused days left

  private void at(LocalDate day) {
    clock.set(Instant.parse(day + "T10:00:00Z"));
  }

  /** Changes the quantity now and publishes what it costs, as the quantity service will. */
  private QuantityChanged changeQuantity(Given org, Subscription s, int to) {
    LocalDate on = billing.nextInvoiceDate(org.id(), s.id(), MARCH, CHANGED);
    int from = s.quantity();
    Money amount = Proration.forRemainingDays(TEN, Math.abs(to - from), MARCH, CHANGED);
    ProratedAmount money = new ProratedAmount(to > from ? Direction.CHARGE : Direction.CREDIT, MARCH, amount, on, to, TEN);
    QuantityChanged event = new QuantityChanged(org.id(), s.id(), UUID.randomUUID(), from, to, CHANGED, false,
        List.of(money), "t");
    publish(event, to);
    return event;
  }

  private void publish(QuantityChanged event, int to) {
    transaction.executeWithoutResult(st -> {
      Subscription locked = subscriptions.lock(event.tenant(), event.subscription());
      subscriptions.changeQuantityNow(locked, to, "t");
      events.publishEvent(event);
    });
  }

  private Invoice invoiceOn(Given org, LocalDate date) {
    Invoice listed = billing.invoices(org.id()).stream().filter(i -> i.date().equals(date) && i.kind().equals("INVOICE"))
        .findFirst().orElseThrow();
    return billing.invoice(org.id(), listed.id());
  }

  private long payments(Given org, Invoice invoice) {
    return jdbc.sql("select coalesce(sum(amount_minor), 0) from payment where tenant_id = :t and invoice_id = :i")
        .param("t", org.id().value()).param("i", invoice.id()).query(Long.class).single();
  }

  @Test
  void a_charge_goes_on_the_next_invoice_at_that_dates_run_and_is_collected_with_nothing_else_due() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    subscriptions.setAutoRenew(org.id(), s.id(), false, "t"); // nothing renews on 10 April
    at(CHANGED);
    changeQuantity(org, s, 15); // 10.00 × 5 × 20/31 = 32.258 → 32.26, on 10 April (the period end)
    assertThat(subscriptions.get(org.id(), s.id()).subscription().quantity()).isEqualTo(15);
    runs.run(LocalDate.of(2026, 4, 9));
    assertThat(billing.invoices(org.id())).hasSize(1);
    runs.run(LocalDate.of(2026, 4, 10));
    runs.run(LocalDate.of(2026, 4, 10));
    Invoice april = invoiceOn(org, LocalDate.of(2026, 4, 10));
    assertThat(april.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo("ADJUSTMENT");
      assertThat(l.description()).isEqualTo("PRORATED_CHARGE");
      assertThat(l.quantity()).isEqualTo(15);
      assertThat(l.unitPrice()).isEqualTo(TEN);
      assertThat(l.amount()).isEqualTo(Money.of(3226, "EUR"));
      assertThat(l.periodStart()).isEqualTo(MARCH.start());
    });
    assertThat(april.total()).isEqualTo(Money.of(3226, "EUR"));
    assertThat(payments(org, april)).isEqualTo(3226);
  }

  @Test
  void a_charge_joins_the_renewal_invoice_of_another_subscription() {
    Given org = tenants.tenant(0);
    at(LocalDate.of(2026, 2, 25));
    tenants.subscription(org, 1, 0); // renews 25 March: the next invoice
    at(MARCH.start());
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    QuantityChanged event = changeQuantity(org, s, 12);
    assertThat(event.money().get(0).on()).isEqualTo(LocalDate.of(2026, 3, 25));
    runs.run(LocalDate.of(2026, 3, 25));
    Invoice invoice = invoiceOn(org, LocalDate.of(2026, 3, 25));
    assertThat(invoice.lines()).extracting(Invoice.Line::kind).containsExactly("CHARGE", "ADJUSTMENT");
    assertThat(invoice.total()).isEqualTo(Money.of(1000 + 1290, "EUR")); // 20.00 × 20/31 = 12.90
    assertThat(payments(org, invoice)).isEqualTo(2290);
  }

  @Test
  void a_credit_is_returned_on_that_invoice_and_the_rest_refunded() {
    Given org = tenants.tenant(0);
    at(LocalDate.of(2026, 2, 25));
    tenants.subscription(org, 1, 0); // 10.00 renewing 25 March
    at(MARCH.start());
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    changeQuantity(org, s, 6); // 40.00 × 20/31 = 25.81 back on 25 March
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> {
      assertThat(c.amount()).isEqualTo(Money.of(2581, "EUR"));
      assertThat(c.returnOn()).isEqualTo(LocalDate.of(2026, 3, 25));
      assertThat(c.status()).isEqualTo(Credit.Status.PENDING);
    });
    runs.run(LocalDate.of(2026, 3, 25));
    Invoice invoice = invoiceOn(org, LocalDate.of(2026, 3, 25));
    assertThat(invoice.lines()).extracting(Invoice.Line::kind, Invoice.Line::description).containsExactly(
        tuple("CHARGE", null),
        tuple("CREDIT", "PRORATED_CREDIT"),
        tuple("REFUND", null));
    assertThat(billing.refunds(org.id())).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(Money.of(1581, "EUR")));
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.REFUNDED));
  }

  @Test
  void replaying_the_same_event_books_nothing_more() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    UUID change = UUID.randomUUID();
    ProratedAmount credit = new ProratedAmount(Direction.CREDIT, MARCH, Money.of(500, "EUR"), MARCH.endExclusive(), 10, TEN);
    ProratedAmount charge = new ProratedAmount(Direction.CHARGE, MARCH, Money.of(700, "EUR"), MARCH.endExclusive(), 10, TEN);
    PlanChanged event = new PlanChanged(org.id(), s.id(), change, TestTenants.MONTHLY_PLAN, TestTenants.MONTHLY_PLAN,
        CHANGED, false, List.of(credit, charge), "t");
    for (int i = 0; i < 3; i++) {
      transaction.executeWithoutResult(st -> events.publishEvent(event));
    }
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(jdbc.sql("select count(*) from prorated_amount where tenant_id = :t").param("t", org.id().value())
        .query(Long.class).single()).isEqualTo(2);
    assertThat(billing.chargeFor(org.id(), s.id(), MARCH.start()).orElseThrow().amount())
        .isEqualTo(Money.of(10_000 + 700 - 500, "EUR"));
  }

  @Test
  void a_cancellation_after_an_addition_credits_the_new_terms() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    changeQuantity(org, s, 15); // 32.26 charged
    PeriodCharge current = billing.chargeFor(org.id(), s.id(), MARCH.start()).orElseThrow();
    assertThat(current.quantity()).isEqualTo(15);
    assertThat(current.amount()).isEqualTo(Money.of(10_000 + 3226, "EUR"));
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    // 150.00 × 20/31 = 96.77: the 10 first licenses' unused days and the 5 added ones'.
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> assertThat(c.amount()).isEqualTo(Money.of(9677, "EUR")));
  }

  @Test
  void a_cancellation_after_a_reduction_never_returns_more_than_the_net_charged() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    changeQuantity(org, s, 4); // 60.00 × 20/31 = 38.71 back
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    List<Credit> credits = billing.credits(org.id());
    assertThat(credits).extracting(Credit::amount).containsExactlyInAnyOrder(Money.of(3871, "EUR"), Money.of(2581, "EUR"));
    long returned = credits.stream().mapToLong(c -> c.amount().minor()).sum();
    assertThat(returned).isLessThanOrEqualTo(10_000).isEqualTo(Math.round(10_000 * 20 / 31.0));
  }

  @Test
  void another_organisation_sees_none_of_it() {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at(CHANGED);
    changeQuantity(org, s, 4);
    assertThat(billing.chargeFor(other.id(), s.id(), MARCH.start())).isEmpty();
    assertThat(billing.credits(other.id())).isEmpty();
    runs.run(MARCH.endExclusive());
    assertThat(billing.invoices(other.id())).isEmpty();
  }
}
