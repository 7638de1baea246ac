package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.Invoice;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The quantity story end to end on a real database: buy now and see the charge on the next invoice,
 * remove within the window and see the credit, a later removal applied at the renewal run, preview =
 * effect through the API, a replayed POST, and two changes at once.
 */
class QuantityChangeIT extends DatabaseIT {

  static final Set<Role> ADMIN = Set.of(Role.GLOBAL_ADMIN);

  @Autowired QuantityChangeService quantities;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired BillingRunService runs;
  @Autowired JdbcClient jdbc;

  private void at(String isoDate) {
    clock.set(Instant.parse(isoDate + "T10:00:00Z"));
  }

  private int quantity(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription().quantity();
  }

  private Invoice invoiceOn(Given org, LocalDate date) {
    Invoice found = billing.invoices(org.id()).stream().filter(i -> i.date().equals(date)).findFirst().orElseThrow();
    return billing.invoice(org.id(), found.id()); // with its lines
  }

  @Test
  void five_licenses_bought_now_are_charged_on_the_next_invoice_by_that_dates_run() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0); // 10.00 each, 10 Mar – 10 Apr
    at("2026-03-20");
    QuantityChangePreview preview = quantities.preview(org.id(), s.id(), 10, null, ADMIN);
    QuantityChangePreview done = quantities.change(org.id(), s.id(), 10, null, "admin", ADMIN);

    assertThat(done).isEqualTo(preview);
    assertThat(done.amount()).isEqualTo(Money.of(3_226, "EUR")); // 50.00 × 20/31
    assertThat(done.chargedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(quantity(org, s)).isEqualTo(10);
    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(invoiceOn(org, LocalDate.of(2026, 4, 10)).lines())
        .extracting(Invoice.Line::amount).contains(Money.of(3_226, "EUR"), Money.of(10_000, "EUR"));
  }

  @Test
  void three_licenses_removed_within_seven_days_come_back_as_a_credit() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at("2026-03-17"); // D+7 of the purchase
    QuantityChangePreview done = quantities.change(org.id(), s.id(), 7, null, "admin", ADMIN);
    assertThat(done.when()).isEqualTo(QuantityChangeWhen.NOW);
    assertThat(done.direction()).isEqualTo(QuantityChangePreview.Direction.CREDIT);
    assertThat(done.amount()).isEqualTo(Money.of(2_226, "EUR")); // 30.00 × 23/31 = 22.258
    assertThat(quantity(org, s)).isEqualTo(7);
    assertThat(billing.credits(org.id())).singleElement().satisfies(c -> {
      assertThat(c.amount()).isEqualTo(done.amount());
      assertThat(c.returnOn()).isEqualTo(done.chargedOn());
      assertThat(c.status()).isEqualTo(Credit.Status.PENDING);
    });
  }

  @Test
  void a_removal_after_seven_days_is_scheduled_and_applied_by_the_renewal_run() {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 10, 2);
    at("2026-03-18"); // D+8
    QuantityChangePreview done = quantities.change(org.id(), s.id(), 6, null, "admin", ADMIN);
    assertThat(done.when()).isEqualTo(QuantityChangeWhen.AT_RENEWAL);
    assertThat(done.effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(done.amount().isZero()).isTrue();
    assertThat(quantity(org, s)).isEqualTo(10);
    assertThat(subscriptions.pendingChanges(org.id(), s.id())).singleElement()
        .satisfies(c -> assertThat(c.quantity()).isEqualTo(6));
    at("2026-04-10");
    runs.run(LocalDate.of(2026, 4, 10));
    assertThat(quantity(org, s)).isEqualTo(6);
    assertThat(invoiceOn(org, LocalDate.of(2026, 4, 10)).total()).isEqualTo(Money.of(6_000, "EUR"));
  }

  @Test
  void the_post_answers_field_by_field_what_the_get_previewed_and_a_replay_charges_nothing_twice() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    at("2026-03-20");
    String path = "/api/v1/subscriptions/" + s.id() + "/quantity-change";
    String previewed = mvc.perform(get(path).param("quantity", "8").with(httpBasic(org.admin(), org.password())))
        .andReturn().getResponse().getContentAsString();
    MockHttpServletResponse first = buy(path, "replay-1", org);
    MockHttpServletResponse replay = buy(path, "replay-1", org);

    Map<String, Object> preview = JsonPath.read(previewed, "$");
    assertThat((Map<String, Object>) JsonPath.read(first.getContentAsString(), "$")).isEqualTo(preview);
    assertThat(replay.getStatus()).isEqualTo(200);
    assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.getContentAsString()).isEqualTo(first.getContentAsString());
    assertThat(quantity(org, s)).isEqualTo(8);
    assertThat(rows(org)).isEqualTo(1);
  }

  private MockHttpServletResponse buy(String path, String key, Given org) throws Exception {
    return mvc.perform(post(path)
            .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 8, \"when\": \"NOW\"}")
            .header("Idempotency-Key", key).with(httpBasic(org.admin(), org.password())))
        .andReturn().getResponse();
  }

  private long rows(Given org) {
    return jdbc.sql("select count(*) from license_quantity_change where tenant_id = :t")
        .param("t", org.id().value()).query(Long.class).single();
  }

  @Test
  void two_changes_at_once_serialise_to_one_consistent_quantity_and_money() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 10, 0);
    at("2026-03-12");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<QuantityChangePreview>> done = List.of(12, 15).stream().map(target -> pool.submit(() -> {
        start.await();
        return quantities.change(org.id(), s.id(), target, QuantityChangeWhen.NOW, "admin", ADMIN);
      })).toList();
      start.countDown();
      for (Future<QuantityChangePreview> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Map<String, Object>> changes = jdbc.sql(
            "select quantity_from, quantity_to from license_quantity_change where tenant_id = :t order by seq")
        .param("t", org.id().value()).query().listOfRows();
    assertThat(changes).hasSize(2);
    // The second change started from what the first left: no lost update.
    assertThat(((Number) changes.get(1).get("quantity_from")).intValue())
        .isEqualTo(((Number) changes.get(0).get("quantity_to")).intValue());
    assertThat(quantity(org, s)).isEqualTo(((Number) changes.get(1).get("quantity_to")).intValue());
  }
}
