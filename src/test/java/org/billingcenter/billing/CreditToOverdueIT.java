package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billing.InvoiceDocument.LineKind;
import org.billingcenter.billing.InvoiceDocument.Source;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.payment.DunningRun;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: a credit returned on the organisation's billing date pays its overdue invoices before
 * anything is refunded; an invoice paid in full brings back what expired for its non-payment.
 */
class CreditToOverdueIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired DunningRun dunning;
  @Autowired BalanceService balances;
  @Autowired JdbcClient jdbc;
  @Autowired InvoiceVoids voids;

  private void at(LocalDate day) {
    clock.set(Instant.parse(day + "T10:00:00Z"));
  }

  private InvoiceDocument document(Given org, LocalDate date, String kind) {
    Invoice invoice = billing.invoices(org.id()).stream()
        .filter(i -> i.date().equals(date) && i.kind().equals(kind)).findFirst().orElseThrow();
    return billing.document(org.id(), invoice.id());
  }

  private SubscriptionStatus status(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription().status();
  }

  private long allocated(Given org, UUID invoice) {
    return jdbc.sql("select coalesce(sum(amount_minor), 0) from credit_allocation where tenant_id = :t and invoice_id = :i")
        .param("t", org.id().value()).param("i", invoice).query(Long.class).single();
  }

  @Test
  void a_cancellation_credit_pays_the_overdue_invoice_first_refunds_only_the_rest_and_the_expired_subscription_comes_back() {
    at(LocalDate.of(2026, 2, 10));
    Given org = tenants.tenant(0);
    Subscription annual = subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, 2, org.card(), TestTenants.ACTOR);
    runs.run(LocalDate.of(2026, 2, 10)); // 200.00 paid with the good card; billing day 10
    PaymentMethodId declining = tenants.defaultCard(org, "tok_chargeDeclined");
    at(LocalDate.of(2026, 3, 10));
    Subscription monthly = subscriptions.purchase(org.id(), TestTenants.MONTHLY_PLAN, 3, declining, TestTenants.ACTOR);
    runs.run(LocalDate.of(2026, 3, 10)); // 30.00, declined
    InvoiceDocument march = document(org, LocalDate.of(2026, 3, 10), "INVOICE");
    assertThat(march.status()).isEqualTo(InvoiceStatus.OVERDUE);
    for (LocalDate day = LocalDate.of(2026, 3, 11); !day.isAfter(LocalDate.of(2026, 4, 9)); day = day.plusDays(1)) {
      at(day);
      dunning.run(day);
    }
    assertThat(status(org, monthly)).as("expired after the last retry").isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(billing.document(org.id(), march.id()).status()).isEqualTo(InvoiceStatus.UNCOLLECTIBLE);

    cancellations.cancel(org.id(), annual.id(), ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    Credit credit = billing.credits(org.id()).get(0);
    assertThat(credit.returnOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(credit.amount().minor()).isGreaterThan(3000);
    at(LocalDate.of(2026, 4, 10));
    runs.run(LocalDate.of(2026, 4, 10));

    assertThat(billing.document(org.id(), march.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(allocated(org, march.id())).isEqualTo(3000);
    assertThat(billing.refunds(org.id())).singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualTo(credit.amount().minus(Money.of(3000, "EUR"))));
    assertThat(billing.credits(org.id())).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.REFUNDED));
    // Nothing else is invoiced on 10 April: a credit note carries the credit, what it paid, and the refund.
    InvoiceDocument note = document(org, LocalDate.of(2026, 4, 10), "CREDIT_NOTE");
    assertThat(note.lines()).extracting(Line::kind).containsExactly(LineKind.CREDIT, LineKind.ADJUSTMENT, LineKind.REFUND);
    Line applied = note.lines().get(1);
    assertThat(applied.source()).isEqualTo(Source.CREDIT_APPLIED);
    assertThat(applied.appliedTo()).isEqualTo(march.number());
    assertThat(applied.amount()).isEqualTo(Money.of(3000, "EUR"));
    assertThat(note.lines().stream().map(Line::amount).reduce(Money::plus).orElseThrow().isZero()).isTrue();
    assertThat(status(org, monthly)).as("paid by the credit: back").isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(balances.balance(org.id()).owed()).isNull();
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'CREDIT_ALLOCATED'")
        .param("t", org.id().value()).query(Long.class).single()).isEqualTo(1);

    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(allocated(org, march.id())).as("a repeated run allocates nothing twice").isEqualTo(3000);
  }

  @Test
  void a_credit_smaller_than_the_overdue_invoice_pays_part_of_it_and_nothing_is_refunded() {
    at(LocalDate.of(2026, 2, 10));
    Given org = tenants.tenant(0);
    PaymentMethodId declining = tenants.defaultCard(org, "tok_chargeDeclined");
    Subscription annual = subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, 3, declining, TestTenants.ACTOR);
    runs.run(LocalDate.of(2026, 2, 10)); // 300.00, declined
    InvoiceDocument february = document(org, LocalDate.of(2026, 2, 10), "INVOICE");
    assertThat(february.status()).isEqualTo(InvoiceStatus.OVERDUE);
    tenants.defaultCard(org, "tok_visa"); // the newest card pays from now on
    at(LocalDate.of(2026, 2, 11));
    Subscription small = tenants.subscription(org, 1, 0); // 10.00, paid
    runs.run(LocalDate.of(2026, 2, 11));
    at(LocalDate.of(2026, 2, 12));
    cancellations.cancel(org.id(), small.id(), ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    Money credit = billing.credits(org.id()).get(0).amount();
    assertThat(billing.credits(org.id()).get(0).returnOn()).isEqualTo(LocalDate.of(2026, 3, 10));
    at(LocalDate.of(2026, 3, 10));
    runs.run(LocalDate.of(2026, 3, 10));

    assertThat(allocated(org, february.id())).isEqualTo(credit.minor());
    assertThat(billing.document(org.id(), february.id()).status()).isEqualTo(InvoiceStatus.OVERDUE);
    assertThat(billing.refunds(org.id())).isEmpty();
    assertThat(billing.credits(org.id())).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.APPLIED));
    assertThat(balances.balance(org.id()).overdue()).isEqualTo(Money.of(30_000, "EUR").minus(credit));
    assertThat(status(org, annual)).isEqualTo(SubscriptionStatus.ACTIVE);
    // Partly paid by the credit, it can no longer be voided (the credit would be lost): corrected with a credit.
    assertThatThrownBy(() -> voids.preview(org.id(), february.id()))
        .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.reason()).isEqualTo(BillingReason.INVOICE_VOID_PAID));
  }

  @Test
  void another_organisations_overdue_invoice_is_never_paid_by_a_credit() {
    at(LocalDate.of(2026, 2, 10));
    Given debtor = tenants.tenant(0);
    PaymentMethodId declining = tenants.defaultCard(debtor, "tok_chargeDeclined");
    subscriptions.purchase(debtor.id(), TestTenants.ANNUAL_PLAN, 1, declining, TestTenants.ACTOR);
    Given other = tenants.tenant(0);
    Subscription s = tenants.subscription(other, 1, 0);
    runs.run(LocalDate.of(2026, 2, 10));
    InvoiceDocument owed = document(debtor, LocalDate.of(2026, 2, 10), "INVOICE");
    at(LocalDate.of(2026, 2, 12));
    cancellations.cancel(other.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    at(LocalDate.of(2026, 3, 10));
    runs.run(LocalDate.of(2026, 3, 10));
    assertThat(allocated(debtor, owed.id())).isZero();
    assertThat(billing.refunds(other.id())).hasSize(1);
  }
}
