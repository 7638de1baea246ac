package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.billingcenter.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Billing runs on a real database: renewals, credits returned within the next cycle, exactly once. */
class BillingRunIT extends DatabaseIT {

  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired JdbcClient jdbc;

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  private void at(String isoDate) {
    clock.set(Instant.parse(isoDate + "T10:00:00Z"));
  }

  private void cancelNow(Given org, Subscription s) {
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
  }

  private long charges(Given org, Subscription s, LocalDate periodStart) {
    return jdbc.sql("select count(*) from invoice_line where tenant_id = :t and subscription_id = :s and charge_period_start = :p")
        .param("t", org.id().value()).param("s", s.id().value()).param("p", periodStart)
        .query(Long.class).single();
  }

  @Test
  void a_renewal_is_charged_once_on_its_anniversary_however_often_the_run_repeats() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 4, 0); // 40.00 for 10 Mar – 10 Apr, charged at purchase
    runs.run(LocalDate.of(2026, 4, 9));
    assertThat(charges(org, s, LocalDate.of(2026, 4, 10))).isZero();
    runs.run(LocalDate.of(2026, 4, 10));
    runs.run(LocalDate.of(2026, 4, 10));
    runs.run(LocalDate.of(2026, 4, 11));
    assertThat(charges(org, s, LocalDate.of(2026, 4, 10))).isEqualTo(1);
    assertThat(subscriptions.get(org.id(), s.id()).subscription().currentPeriod().endExclusive()).isEqualTo(LocalDate.of(2026, 5, 10));
    List<Invoice> invoices = billing.invoices(org.id());
    assertThat(invoices).extracting(Invoice::date).containsExactly(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 10));
    assertThat(invoices).allSatisfy(i -> assertThat(i.total()).isEqualTo(Money.of(4000, "EUR")));
    assertThat(jdbc.sql("select count(*) from payment where tenant_id = :t").param("t", org.id().value()).query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void a_credit_comes_back_as_a_negative_line_on_the_next_invoice() {
    Given org = tenants.tenant(0);
    at("2026-02-18");
    tenants.subscription(org, 10, 0); // 100.00, renews 18 March
    at("2026-03-10");
    Subscription cancelled = tenants.subscription(org, 1, 0); // 10.00 for 10 Mar – 10 Apr
    at("2026-03-12");
    cancelNow(org, cancelled); // 10.00 × 28/31 = 9.03 back, on 18 March
    Credit credit = billing.credits(org.id()).get(0);
    assertThat(credit.returnOn()).isEqualTo(LocalDate.of(2026, 3, 18));
    runs.run(LocalDate.of(2026, 3, 18));
    Invoice march18 = billing.invoices(org.id()).stream().filter(i -> i.date().equals(LocalDate.of(2026, 3, 18))).findFirst().orElseThrow();
    Invoice full = billing.invoice(org.id(), march18.id());
    assertThat(full.lines()).extracting(Invoice.Line::kind).containsExactly("CHARGE", "CREDIT");
    assertThat(full.lines().get(1).amount()).isEqualTo(Money.of(-903, "EUR"));
    assertThat(full.total()).isEqualTo(Money.of(10_000 - 903, "EUR"));
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.APPLIED));
    assertThat(billing.refunds(org.id())).isEmpty();
  }

  @Test
  void what_the_next_invoice_cannot_absorb_is_refunded_through_the_provider() {
    Given org = tenants.tenant(0);
    at("2026-02-18");
    tenants.subscription(org, 1, 0); // 10.00, renews 18 March
    at("2026-03-10");
    Subscription big = tenants.subscription(org, 20, 0); // 200.00
    at("2026-03-12");
    cancelNow(org, big); // 200.00 × 28/31 = 180.65
    runs.run(LocalDate.of(2026, 3, 18));
    assertThat(billing.refunds(org.id())).singleElement().satisfies(r -> {
      assertThat(r.amount()).isEqualTo(Money.of(18_065 - 1_000, "EUR"));
      assertThat(r.status()).as("the sandbox paid it back once the run committed").isEqualTo("SETTLED");
    });
    Invoice march18 = billing.invoices(org.id()).stream().filter(i -> i.date().equals(LocalDate.of(2026, 3, 18))).findFirst().orElseThrow();
    assertThat(march18.total().isZero()).isTrue();
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Credit.Status.REFUNDED));
  }

  @Test
  void with_nothing_else_to_invoice_a_monthly_credit_becomes_a_credit_note_at_the_period_end() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 3, 0); // 30.00, 10 Mar – 10 Apr
    at("2026-03-25");
    cancelNow(org, s); // 30.00 × 15/31 = 14.52
    runs.run(LocalDate.of(2026, 4, 9));
    assertThat(billing.credits(org.id()).get(0).status()).isEqualTo(Credit.Status.PENDING);
    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(billing.invoices(org.id())).filteredOn(i -> i.kind().equals("CREDIT_NOTE")).singleElement().satisfies(note -> {
      assertThat(note.date()).isEqualTo(LocalDate.of(2026, 4, 10));
      assertThat(note.total().isZero()).isTrue();
    });
    assertThat(billing.refunds(org.id())).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(Money.of(1452, "EUR")));
    assertThat(billing.credits(org.id()).get(0).status()).isEqualTo(Credit.Status.REFUNDED);
    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(billing.refunds(org.id())).hasSize(1);
  }

  @Test
  void an_annual_credit_is_returned_on_the_organisations_next_monthly_billing_date() {
    Given org = tenants.tenant(0);
    Subscription annual = subscriptions.purchase(org.id(), TestTenants.ANNUAL_PLAN, 2, org.card(), "t"); // 200.00, to 10 Mar 2027
    at("2026-09-10");
    cancelNow(org, annual);
    Credit credit = billing.credits(org.id()).get(0);
    assertThat(credit.returnOn()).isEqualTo(LocalDate.of(2026, 10, 10)); // billing day 10, not the period end
    assertThat(credit.amount()).isEqualTo(Money.of(Math.round(20_000 * 180 / 365.0), "EUR")); // 180 unused days
    runs.run(LocalDate.of(2026, 10, 10));
    assertThat(billing.credits(org.id()).get(0).status()).isEqualTo(Credit.Status.REFUNDED);
  }

  @Test
  void invoices_are_read_through_the_api_by_their_tenant_only_and_runs_are_for_operators() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    String list = mvc.perform(get("/api/v1/invoices").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].total.amountMinor").value(2000))
        .andReturn().getResponse().getContentAsString();
    String id = com.jayway.jsonpath.JsonPath.read(list, "$[0].id");
    mvc.perform(get("/api/v1/invoices/" + id).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.lines[0].kind").value("CHARGE"))
        .andExpect(jsonPath("$.lines[0].quantity").value(2))
        .andExpect(jsonPath("$.lines[0].unitPrice.amountMinor").value(1000));
    mvc.perform(get("/api/v1/invoices/" + id).with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("INVOICE_NOT_FOUND"));
    mvc.perform(post("/api/v1/operator/billing-runs").contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2026-04-10\"}").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
  }

  @Test
  void a_31st_anchor_renews_on_month_ends_and_returns_to_the_31st() {
    Given org = tenants.tenant(0);
    at("2026-01-31");
    Subscription s = tenants.subscription(org, 1, 0);
    for (String day : List.of("2026-02-28", "2026-03-31", "2026-04-30")) {
      runs.run(LocalDate.parse(day));
    }
    assertThat(billing.invoices(org.id())).extracting(Invoice::date).containsExactly(
        LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 1, 31));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().currentPeriod().endExclusive()).isEqualTo(LocalDate.of(2026, 5, 31));
  }
}
