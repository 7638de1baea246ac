package org.billingcenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.Invoice;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.TrialService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A year of one organisation on a test clock, with the daily job (lifecycle, then billing run)
 * called for every day: trial → converted → licenses added → cancelled → credit on the next
 * invoice → the leftover refunded.
 */
class AYearInATenantsLifeIT extends DatabaseIT {

  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService runs;
  @Autowired SubscriptionService subscriptions;
  @Autowired TrialService trials;
  @Autowired LicensingService licensing;
  @Autowired CancellationService cancellations;
  @Autowired BillingService billing;

  private LocalDate today;

  private void liveUntil(LocalDate last) {
    while (!today.isAfter(last)) {
      clock.set(Instant.parse(today + "T12:00:00Z"));
      lifecycle.run(today);
      runs.run(today);
      today = today.plusDays(1);
    }
    clock.set(Instant.parse(today + "T09:00:00Z"));
  }

  @Test
  void trial_to_paid_to_cancelled_with_the_credit_returned_on_the_next_billing_date() {
    Given org = tenants.tenant(20);
    today = LocalDate.of(2026, 3, 10);
    // 10 March: a trial of the main product (25 seats, 30 days) with a card on file
    Subscription main = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "admin");
    licensing.assign(org.id(), main.id(), org.members().subList(0, 5), "admin");
    trials.setConversionQuantity(org.id(), main.id(), 25, "admin"); // else it converts with the 5 assigned
    liveUntil(LocalDate.of(2026, 4, 9));
    // 9 April: converted with the 25 licenses the admin chose and charged 25 × 10.00
    Subscription paid = subscriptions.get(org.id(), main.id()).subscription();
    assertThat(paid.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(invoiceOn(org, "2026-04-09").total()).isEqualTo(Money.of(25_000, "EUR"));

    // 20 April: a small add-on bought, renewing on the 20th; more licenses assigned to the main one
    liveUntil(LocalDate.of(2026, 4, 19));
    Subscription addOn = tenants.subscription(org, 1, 0);
    licensing.assign(org.id(), main.id(), org.members().subList(5, 20), "admin");
    assertThat(subscriptions.get(org.id(), main.id()).assignedLicenses()).isEqualTo(20);
    liveUntil(LocalDate.of(2026, 6, 14));
    assertThat(invoiceOn(org, "2026-05-09").total()).isEqualTo(Money.of(25_000, "EUR"));
    assertThat(invoiceOn(org, "2026-06-09").total()).isEqualTo(Money.of(25_000, "EUR"));

    // 15 June: the main subscription is cancelled (20 assigned < 25)
    var done = cancellations.cancel(org.id(), main.id(), new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.SWITCHED_SERVICE, null));
    Money credit = done.decision().preview().credit();
    assertThat(credit).isEqualTo(Money.of(Math.round(25_000 * 23 / 30.0), "EUR")); // 16 Jun .. 8 Jul unused
    // The organisation's billing day is the 9th (the trial converted on 9 April): not the add-on's 20 June
    assertThat(done.decision().preview().creditReturnedOn()).isEqualTo(LocalDate.of(2026, 7, 9));

    liveUntil(LocalDate.of(2026, 7, 31));
    // 20 June: the add-on's renewal invoice is only its charge
    Invoice june20 = billing.invoice(org.id(), invoiceOn(org, "2026-06-20").id());
    assertThat(june20.lines()).extracting(Invoice.Line::kind).containsExactly("CHARGE");
    // 9 July, the billing date: nothing else is invoiced that day, so a credit note refunds it all
    assertThat(billing.invoices(org.id())).filteredOn(i -> i.kind().equals("CREDIT_NOTE")).singleElement()
        .satisfies(note -> assertThat(note.date()).isEqualTo(LocalDate.of(2026, 7, 9)));
    assertThat(billing.refunds(org.id())).singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualTo(credit));
    assertThat(billing.credits(org.id())).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.REFUNDED));
    // The cancelled subscription is never charged again; the add-on keeps renewing
    assertThat(billing.invoices(org.id())).filteredOn(i -> i.kind().equals("INVOICE")).extracting(Invoice::date)
        .doesNotContain(LocalDate.of(2026, 7, 9));
    assertThat(invoiceOn(org, "2026-07-20").total()).isEqualTo(Money.of(1_000, "EUR"));
    assertThat(subscriptions.get(org.id(), addOn.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);

    // A year on, the cancelled subscription has been purged; the invoices remain
    liveUntil(LocalDate.of(2026, 9, 14)); // 15 June + 90 days = 13 September
    assertThat(subscriptions.get(org.id(), main.id()).subscription().status()).isEqualTo(SubscriptionStatus.DELETED);
    assertThat(invoiceOn(org, "2026-04-09").total()).isEqualTo(Money.of(25_000, "EUR"));
    List<Invoice> all = billing.invoices(org.id());
    assertThat(all).extracting(Invoice::date).doesNotHaveDuplicates();
  }

  private Invoice invoiceOn(Given org, String day) {
    return billing.invoices(org.id()).stream()
        .filter(i -> i.date().equals(LocalDate.parse(day)) && i.kind().equals("INVOICE"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no invoice on " + day));
  }
}
