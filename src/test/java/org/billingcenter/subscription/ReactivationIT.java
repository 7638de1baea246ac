package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reactivation after every kind of ending, on the day it ended and later: ACTIVE again from that
 * day, its new first period charged once at the price of the day, the cancellation's credit left as
 * it was, and the billing runs afterwards charging nothing twice. The test plan costs 10.00 per
 * license and month; the tenant is in Paris and the clock at 10:00 UTC, so "today" is the UTC date.
 */
class ReactivationIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService runs;
  @Autowired JdbcClient jdbc;

  private Given org;

  @BeforeEach
  void aTenant() {
    org = tenants.tenant(0);
  }

  private void on(String isoDate) {
    clock.set(Instant.parse(isoDate + "T10:00:00Z"));
  }

  private void cancelNow(Subscription s) {
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
  }

  private void reactivateThroughTheApi(Subscription s) throws Exception {
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/reactivation").contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"" + org.card().value() + "\"}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
  }

  private void reactivate(Subscription s) {
    subscriptions.reactivate(org.id(), s.id(), org.card(), "test");
  }

  private void runDay(String isoDate) {
    lifecycle.run(LocalDate.parse(isoDate));
    runs.run(LocalDate.parse(isoDate));
  }

  private Subscription now(Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription();
  }

  /** The subscription's charge lines: "invoice date: period start..end = amount", in order. */
  private List<String> charges(Subscription s) {
    return jdbc.sql(
            """
            select i.invoice_date || ': ' || l.period_start || '..' || l.period_end || ' = ' || l.amount_minor
              from invoice_line l join invoice i on i.tenant_id = l.tenant_id and i.invoice_id = l.invoice_id
             where l.tenant_id = :t and l.subscription_id = :s and l.kind = 'CHARGE'
             order by i.invoice_date, l.line_no
            """)
        .param("t", org.id().value()).param("s", s.id().value()).query(String.class).list();
  }

  /** The subscription's credits: "amount status, returned on date", oldest first. */
  private List<String> credits(Subscription s) {
    return jdbc.sql(
            """
            select amount_minor || ' ' || status || ', returned on ' || return_on from credit
             where tenant_id = :t and subscription_id = :s order by created_at, credit_id
            """)
        .param("t", org.id().value()).param("s", s.id().value()).query(String.class).list();
  }

  private long invoiceTotal(String isoDate) {
    return jdbc.sql("select total_minor from invoice where tenant_id = :t and invoice_date = :d and kind = 'INVOICE'")
        .param("t", org.id().value()).param("d", LocalDate.parse(isoDate)).query(Long.class).single();
  }

  @Test
  void cancelled_and_reactivated_on_its_first_day_is_charged_again_and_keeps_its_credit() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0); // 20.00 for 10 Mar – 10 Apr (31 days)
    cancelNow(s); // 30 unused days: 20.00 × 30/31 = 19.35 back on the period end
    reactivateThroughTheApi(s);

    assertThat(now(s).currentPeriod().start()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(charges(s)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 2000",
        "2026-03-10: 2026-03-10..2026-04-10 = 2000");
    assertThat(invoiceTotal("2026-03-10")).isEqualTo(4000);
    assertThat(credits(s)).containsExactly("1935 PENDING, returned on 2026-04-10");

    runDay("2026-03-10");
    runDay("2026-04-10");
    runDay("2026-04-10");
    assertThat(charges(s)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 2000",
        "2026-03-10: 2026-03-10..2026-04-10 = 2000",
        "2026-04-10: 2026-04-10..2026-05-10 = 2000");
    assertThat(credits(s)).containsExactly("1935 APPLIED, returned on 2026-04-10");
    assertThat(invoiceTotal("2026-04-10")).isEqualTo(2000 - 1935);
  }

  @Test
  void cancelled_again_and_reactivated_again_the_same_day_each_period_is_charged_and_credited_once() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    cancelNow(s);
    reactivateThroughTheApi(s);
    cancelNow(s);
    reactivateThroughTheApi(s);

    assertThat(charges(s)).hasSize(3).allMatch(c -> c.equals("2026-03-10: 2026-03-10..2026-04-10 = 2000"));
    assertThat(credits(s)).containsExactly(
        "1935 PENDING, returned on 2026-04-10", "1935 PENDING, returned on 2026-04-10");
    runDay("2026-04-10");
    assertThat(charges(s)).hasSize(4).last().isEqualTo("2026-04-10: 2026-04-10..2026-05-10 = 2000");
  }

  @Test
  void cancelled_on_a_renewal_day_and_reactivated_that_day() throws Exception {
    on("2026-02-10");
    Subscription s = tenants.subscription(org, 1, 0); // 10.00 for 10 Feb – 10 Mar
    on("2026-03-10");
    runDay("2026-03-10"); // renewed: 10 Mar – 10 Apr charged
    cancelNow(s);
    reactivateThroughTheApi(s);
    runDay("2026-03-10");

    assertThat(charges(s)).containsExactly(
        "2026-02-10: 2026-02-10..2026-03-10 = 1000",
        "2026-03-10: 2026-03-10..2026-04-10 = 1000",
        "2026-03-10: 2026-03-10..2026-04-10 = 1000");
    assertThat(credits(s)).containsExactly("968 PENDING, returned on 2026-04-10"); // 10.00 × 30/31
  }

  @Test
  void cancelled_now_and_reactivated_the_next_day() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    on("2026-03-12");
    cancelNow(s); // 28 unused days of 31: 18.06
    on("2026-03-13");
    reactivateThroughTheApi(s);
    runDay("2026-03-13");

    assertThat(now(s).currentPeriod().start()).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(charges(s)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 2000",
        "2026-03-13: 2026-03-13..2026-04-13 = 2000");
    assertThat(credits(s)).containsExactly("1806 PENDING, returned on 2026-04-10");
    on("2026-04-13");
    runDay("2026-04-10");
    runDay("2026-04-13");
    assertThat(charges(s)).hasSize(3).last().isEqualTo("2026-04-13: 2026-04-13..2026-05-13 = 2000");
    assertThat(credits(s)).containsExactly("1806 REFUNDED, returned on 2026-04-10"); // a credit note: no invoice that day
  }

  @Test
  void cancelled_at_term_end_and_reactivated_on_the_day_it_ended() throws Exception {
    Subscription s = tenants.subscription(org, 1, 0);
    cancellations.cancel(org.id(), s.id(), ADMIN,
        new CancellationService.Request(CancelWhen.END_OF_TERM, LeavingReason.OTHER, null));
    on("2026-04-10");
    runDay("2026-04-10");
    assertThat(now(s).status()).isEqualTo(SubscriptionStatus.DISABLED);
    reactivateThroughTheApi(s);
    runDay("2026-04-10");

    assertThat(charges(s)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 1000",
        "2026-04-10: 2026-04-10..2026-05-10 = 1000");
    assertThat(credits(s)).isEmpty();
  }

  @Test
  void an_expired_trial_is_reactivated_the_day_it_expired() throws Exception {
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "test"); // ends 9 Apr
    on("2026-04-09");
    runDay("2026-04-09");
    assertThat(now(trial).status()).isEqualTo(SubscriptionStatus.EXPIRED);
    reactivateThroughTheApi(trial);
    runDay("2026-04-09");

    assertThat(charges(trial)).containsExactly("2026-04-09: 2026-04-09..2026-05-09 = 25000"); // 25 trial licenses
    on("2026-05-09");
    runDay("2026-05-09"); // its first renewal, counted from the reactivation day
    assertThat(charges(trial)).containsExactly(
        "2026-04-09: 2026-04-09..2026-05-09 = 25000", "2026-05-09: 2026-05-09..2026-06-09 = 25000");
  }

  @Test
  void expired_by_renewal_off_then_disabled_is_reactivated_on_either_day() throws Exception {
    Subscription expiring = tenants.subscription(org, 1, 0);
    subscriptions.setAutoRenew(org.id(), expiring.id(), false, "test");
    Subscription disabled = tenants.subscription(org, 3, 0);
    subscriptions.setAutoRenew(org.id(), disabled.id(), false, "test");
    on("2026-04-10");
    runDay("2026-04-10");
    assertThat(now(expiring).status()).isEqualTo(SubscriptionStatus.EXPIRED);
    reactivateThroughTheApi(expiring);
    runDay("2026-04-10");
    on("2026-05-11");
    runDay("2026-05-11"); // 30 days expired: DISABLED
    assertThat(now(disabled).status()).isEqualTo(SubscriptionStatus.DISABLED);
    reactivate(disabled);
    runDay("2026-05-11");

    assertThat(charges(expiring)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 1000",
        "2026-04-10: 2026-04-10..2026-05-10 = 1000",
        "2026-05-10: 2026-05-10..2026-06-10 = 1000");
    assertThat(charges(disabled)).containsExactly(
        "2026-03-10: 2026-03-10..2026-04-10 = 3000",
        "2026-05-11: 2026-05-11..2026-06-11 = 3000");
    on("2026-06-11");
    runDay("2026-06-10");
    runDay("2026-06-11");
    assertThat(charges(disabled)).as("renews on the new anchor, the 11th").hasSize(3)
        .last().isEqualTo("2026-06-11: 2026-06-11..2026-07-11 = 3000");
  }
}
