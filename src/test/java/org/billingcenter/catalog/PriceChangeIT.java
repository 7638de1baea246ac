package org.billingcenter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A price change on a real database: purchases pay the price in force on their day, existing
 * subscriptions keep theirs for the period under way and until their first renewal after the
 * notice (30 days by default), and nothing already charged moves. A retired plan sells no more but
 * keeps renewing.
 */
class PriceChangeIT extends DatabaseIT {

  private static final String PASSWORD = "Quiet-Harbor-Lantern-42";

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired CatalogService catalog;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingRunService runs;
  @Autowired JdbcClient jdbc;

  private String operator;
  private String plan;

  @BeforeEach
  void anOperatorAndAPlan() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), PASSWORD));
    tenants.tenant(0); // the shared test plans exist before this one is added
    plan = "pc-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.addPlan(new Plan(plan, "pc-product", "Price Change Product", Money.of(1000, "EUR"),
        BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
  }

  private void at(String isoDate) {
    clock.set(Instant.parse(isoDate + "T10:00:00Z"));
  }

  private Subscription buy(Given org, int quantity) {
    return subscriptions.purchase(org.id(), plan, quantity, org.card(), "test");
  }

  /** The unit price the period starting {@code start} was charged at. */
  private long charged(Given org, Subscription s, String start) {
    return jdbc.sql("""
            select unit_price_minor from invoice_line
             where tenant_id = :t and subscription_id = :s and charge_period_start = :p and kind = 'CHARGE'
            """)
        .param("t", org.id().value()).param("s", s.id().value()).param("p", LocalDate.parse(start))
        .query(Long.class).single();
  }

  private long invoiceTotal(Given org, String date) {
    return jdbc.sql("select total_minor from invoice where tenant_id = :t and invoice_date = :d and kind = 'INVOICE'")
        .param("t", org.id().value()).param("d", LocalDate.parse(date)).query(Long.class).single();
  }

  @Test
  void existing_subscriptions_keep_their_price_until_their_first_renewal_after_the_notice() throws Exception {
    Given early = tenants.tenant(0);
    Subscription tenth = buy(early, 2); // anchored 10 March at 10.00
    at("2026-03-25");
    Given late = tenants.tenant(0);
    Subscription twentyFifth = buy(late, 1); // anchored 25 March at 10.00
    at("2026-03-26");

    // Effective 1 April for purchases; the notice runs to 25 April, so existing ones pay it from then.
    mvc.perform(get("/api/v1/operator/plans/{id}/prices/preview", plan).with(httpBasic(operator, PASSWORD))
            .param("unitPriceMinor", "1250").param("effectiveFrom", "2026-04-01"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.existingFrom").value("2026-04-25"))
        .andExpect(jsonPath("$.affectedSubscriptions").value(2))
        .andExpect(jsonPath("$.renewals[0].newPriceFrom").value("2026-04-25"))
        .andExpect(jsonPath("$.renewals[0].subscriptions").value(1))
        .andExpect(jsonPath("$.renewals[1].newPriceFrom").value("2026-05-10"));
    String key = "price-" + plan;
    for (int i = 0; i < 2; i++) { // a replay of the key answers the same and changes nothing
      mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
              .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
              .content("{\"unitPriceMinor\":1250,\"effectiveFrom\":\"2026-04-01\"}"))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.newPrice.amountMinor").value(1250));
    }
    assertThat(jdbc.sql("select count(*) from plan_price where plan_id = :p").param("p", plan).query(Long.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select action from catalog_change where plan_id = :p").param("p", plan).query(String.class).list())
        .containsExactly("PLAN_PRICE_CHANGED");

    // The products page reads only its rows' plans: priced as the whole catalog prices them, each day.
    assertThat(catalog.plansById(List.of(plan)).get(plan).unitPrice()).isEqualTo(Money.of(1000, "EUR"));
    assertThat(catalog.plansById(List.of())).isEmpty();

    at("2026-04-02");
    assertThat(catalog.plansById(List.of(plan, plan)))
        .containsOnlyKeys(plan)
        .containsEntry(plan, catalog.plans().stream().filter(p -> p.id().equals(plan)).findFirst().orElseThrow());
    assertThat(catalog.plansById(List.of(plan)).get(plan).unitPrice()).isEqualTo(Money.of(1250, "EUR"));
    Given newcomer = tenants.tenant(0);
    Subscription second = buy(newcomer, 1);
    assertThat(charged(newcomer, second, "2026-04-02")).isEqualTo(1250);

    runs.run(LocalDate.parse("2026-04-10"));
    assertThat(charged(early, tenth, "2026-04-10")).isEqualTo(1000); // after the effective date, inside the notice
    runs.run(LocalDate.parse("2026-04-25"));
    assertThat(charged(late, twentyFifth, "2026-04-25")).isEqualTo(1250); // exactly on the notice boundary
    runs.run(LocalDate.parse("2026-05-10"));
    assertThat(charged(early, tenth, "2026-05-10")).isEqualTo(1250);
    assertThat(charged(newcomer, second, "2026-05-02")).isEqualTo(1250);

    // What was charged before never moved.
    assertThat(charged(early, tenth, "2026-03-10")).isEqualTo(1000);
    assertThat(invoiceTotal(early, "2026-03-10")).isEqualTo(2000);
    assertThat(invoiceTotal(early, "2026-04-10")).isEqualTo(2000);
    assertThat(invoiceTotal(late, "2026-03-25")).isEqualTo(1000);
  }

  /**
   * A subscription that moves to the plan after its price change is in force for purchases pays the
   * new price from then, as a purchase that day would, even inside the notice older subscriptions
   * get: what the plan change's preview says is what the renewals charge, now and at renewal.
   */
  @Test
  void a_plan_change_into_a_repriced_plan_pays_the_price_it_previewed() throws Exception {
    String lite = plan + "-lite";
    String plus = plan + "-plus";
    catalog.addPlan(new Plan(lite, "pc-product", "Price Change Product", Money.of(800, "EUR"),
        BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25, null, 0));
    catalog.addPlan(new Plan(plus, "pc-product", "Price Change Product", Money.of(2000, "EUR"),
        BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25, null, 2));
    Given upgrader = tenants.tenant(0);
    Subscription up = subscriptions.purchase(upgrader.id(), lite, 2, upgrader.card(), "test"); // anchored 10 March
    Given downgrader = tenants.tenant(0);
    Subscription down = subscriptions.purchase(downgrader.id(), plus, 1, downgrader.card(), "test");
    at("2026-03-26");
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"unitPriceMinor\":1250,\"effectiveFrom\":\"2026-04-01\"}"))
        .andExpect(status().isCreated()); // for existing subscriptions from 25 April

    // Before the change is in force, a move at renewal (10 April) is previewed at that day's price.
    String downPath = "/api/v1/subscriptions/" + down.id() + "/plan-change";
    mvc.perform(get(downPath).param("planId", plan).with(httpBasic(downgrader.admin(), downgrader.password())))
        .andExpect(jsonPath("$.preview.when").value("AT_RENEWAL"))
        .andExpect(jsonPath("$.preview.effectiveOn").value("2026-04-10"))
        .andExpect(jsonPath("$.preview.newUnitPrice.amountMinor").value(1250));
    mvc.perform(post(downPath).with(httpBasic(downgrader.admin(), downgrader.password()))
            .contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + plan + "\"}"))
        .andExpect(status().isOk());

    // Once it is in force, a move now is previewed and charged at the new price.
    at("2026-04-02");
    String upPath = "/api/v1/subscriptions/" + up.id() + "/plan-change";
    mvc.perform(get(upPath).param("planId", plan).with(httpBasic(upgrader.admin(), upgrader.password())))
        .andExpect(jsonPath("$.preview.when").value("NOW"))
        .andExpect(jsonPath("$.preview.newUnitPrice.amountMinor").value(1250));
    mvc.perform(post(upPath).with(httpBasic(upgrader.admin(), upgrader.password()))
            .contentType(MediaType.APPLICATION_JSON).content("{\"planId\":\"" + plan + "\"}"))
        .andExpect(status().isOk());

    runs.run(LocalDate.parse("2026-04-10")); // inside the older subscriptions' notice
    assertThat(charged(upgrader, up, "2026-04-10")).isEqualTo(1250);
    assertThat(charged(downgrader, down, "2026-04-10")).isEqualTo(1250);
    runs.run(LocalDate.parse("2026-05-10"));
    assertThat(charged(upgrader, up, "2026-05-10")).isEqualTo(1250);
    assertThat(charged(downgrader, down, "2026-05-10")).isEqualTo(1250);
  }

  @Test
  void a_change_too_soon_or_on_a_taken_date_is_refused_and_changes_nothing() throws Exception {
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .header("Accept-Language", "fr-FR").contentType(MediaType.APPLICATION_JSON)
            .content("{\"unitPriceMinor\":1250,\"effectiveFrom\":\"2026-03-11\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("PRICE_CHANGE_TOO_SOON"));
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"unitPriceMinor\":1250,\"effectiveFrom\":\"2031-03-11\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("PRICE_CHANGE_TOO_FAR"));
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"unitPriceMinor\":-5,\"effectiveFrom\":\"2026-06-01\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"unitPriceMinor\":900,\"effectiveFrom\":\"2026-06-01\"}"))
        .andExpect(status().isCreated());
    mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"unitPriceMinor\":800,\"effectiveFrom\":\"2026-06-01\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("PRICE_CHANGE_EXISTS"));
    mvc.perform(get("/api/v1/operator/plans").with(httpBasic(operator, PASSWORD)).param("q", plan))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].unitPrice.amountMinor").value(1000))
        .andExpect(jsonPath("$[0].status").value("ON_SALE"))
        .andExpect(jsonPath("$[0].scheduledPrices.length()").value(1))
        .andExpect(jsonPath("$[0].scheduledPrices[0].unitPrice.amountMinor").value(900));
  }

  @Test
  void a_retired_plan_sells_no_more_but_its_subscriptions_keep_renewing() throws Exception {
    Given org = tenants.tenant(0);
    Subscription existing = buy(org, 1);
    mvc.perform(post("/api/v1/operator/plans/{id}/retirement", plan).with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RETIRED"));
    mvc.perform(post("/api/v1/operator/plans/{id}/retirement", plan).with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("PLAN_ALREADY_RETIRED"));
    Given other = tenants.tenant(0);
    assertThatThrownBy(() -> buy(other, 1))
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(CatalogReason.PLAN_RETIRED));
    assertThatThrownBy(() -> subscriptions.startTrial(other.id(), plan, null, "test"))
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(CatalogReason.PLAN_RETIRED));

    runs.run(LocalDate.parse("2026-04-10"));
    assertThat(charged(org, existing, "2026-04-10")).isEqualTo(1000);

    mvc.perform(delete("/api/v1/operator/plans/{id}/retirement", plan).with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ON_SALE"));
    assertThat(buy(other, 1).planId()).isEqualTo(plan);
    assertThat(jdbc.sql("select action from catalog_change where plan_id = :p order by occurred_at")
            .param("p", plan).query(String.class).list())
        .containsExactlyInAnyOrder("PLAN_RETIRED", "PLAN_UNRETIRED");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"unitPriceMinor\":1250,\"effectiveFrom\":\"2026-02-30\"}", "{\"unitPriceMinor\":\"abc\",\"effectiveFrom\":\"2027-01-01\"}",
      "{\"unitPriceMinor\":99999999999999999999,\"effectiveFrom\":\"2027-01-01\"}", "{\"unitPriceMinor\":12.5,\"effectiveFrom\":\"2027-01-01\"}",
      "{\"effectiveFrom\":\"2027-01-01\"}", "{\"unitPriceMinor\":1250}", "{", "[]", "", "{\"unitPriceMinor\":null,\"effectiveFrom\":null}",
      "{\"unitPriceMinor\":1250,\"effectiveFrom\":\"+99999-01-01\"}"})
  void hostile_price_changes_from_the_operator_get_a_4xx_and_change_nothing(String body) throws Exception {
    int status = mvc.perform(post("/api/v1/operator/plans/{id}/prices", plan).with(httpBasic(operator, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn().getResponse().getStatus();
    assertThat(status).isBetween(400, 499);
    for (String query : List.of("unitPriceMinor=-1&effectiveFrom=2027-01-01", "unitPriceMinor=x&effectiveFrom=2027-01-01",
        "unitPriceMinor=1&effectiveFrom=2027-13-01", "unitPriceMinor=1", "effectiveFrom=2027-01-01")) {
      assertThat(mvc.perform(get("/api/v1/operator/plans/" + plan + "/prices/preview?" + query).with(httpBasic(operator, PASSWORD)))
          .andReturn().getResponse().getStatus()).as(query).isBetween(400, 499);
    }
    assertThat(mvc.perform(post("/api/v1/operator/plans/{id}/retirement", "no-such-plan").with(httpBasic(operator, PASSWORD)))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from plan_price where plan_id = :p").param("p", plan).query(Long.class).single())
        .isZero();
  }

  @Test
  void only_the_operator_reaches_the_catalog_console() throws Exception {
    Given org = tenants.tenant(0);
    mvc.perform(get("/api/v1/operator/plans").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/operator/plans/{id}/retirement", plan).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
    assertThat(jdbc.sql("select retired_at is null from plan where plan_id = :p").param("p", plan).query(Boolean.class).single())
        .isTrue();
  }
}
