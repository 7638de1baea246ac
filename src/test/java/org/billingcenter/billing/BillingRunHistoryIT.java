package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17 (runs): a run's history row (counts and totals per currency equal what it wrote), the
 * missed-day rule (a future day and a past day that already ran are refused and change nothing),
 * progress visible while a run is held inside its batch, and the console's check → confirm → start.
 * A gateway that can hold a batch open is the only stand-in: everything else is the application's.
 */
@Import(BillingRunHistoryIT.HoldingGatewayConfig.class)
class BillingRunHistoryIT extends DatabaseIT {

  private static final String PASSWORD = "Quiet-Harbor-Lantern-42";

  @Autowired JdbcClient jdbc;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired SubscriptionService subscriptions;
  @Autowired CatalogService catalog;
  @Autowired TenantService tenantService;
  @Autowired HoldingGateway gateway;

  private String operator;

  @BeforeEach
  void anOperatorAndAnEmptyHistory() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), PASSWORD));
    jdbc.sql("delete from billing_run_log_total").update();
    jdbc.sql("delete from billing_run_log").update();
  }

  @AfterEach
  void letGo() {
    gateway.release();
  }

  private ResultActions runFor(String date) throws Exception {
    return mvc.perform(post("/api/v1/operator/billing-runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"date\":\"" + date + "\"}").with(httpBasic(operator, PASSWORD)));
  }

  private String read(String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(operator, PASSWORD))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  /** Renewals due on 10 March in two currencies: bought on 10 February, monthly. */
  private void renewalsInEurosAndKroner() {
    clock.set(Instant.parse("2026-02-10T10:00:00Z"));
    tenants.subscription(tenants.tenant(0), 3, 0);
    String kroner = "test-monthly-dkk";
    if (catalog.plans().stream().noneMatch(p -> p.id().equals(kroner))) {
      catalog.addPlan(new Plan(kroner, "test-product", "Test Product", Money.of(7500, "DKK"), BillingFrequency.MONTHLY,
          BillingFrequency.MONTHLY, 30, 25));
    }
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tenant danish = new Tenant(TenantId.random(), "Dansk " + suffix, "DK", Locale.forLanguageTag("da-DK"),
        ZoneId.of("Europe/Copenhagen"), Currency.getInstance("DKK"));
    tenantService.create(new NewTenant(danish, "dk-" + suffix, "Admin", "pass-" + suffix + "-phrase"), "test");
    var card = tenantService.addPaymentMethod(danish.id(), new NewPaymentMethod("tok_" + suffix, "Visa", "4242", 12, 2035),
        "test").id();
    subscriptions.purchase(danish.id(), kroner, 2, card, "test");
    clock.set(START);
  }

  /** Sums of every line in the database by currency and kind, and the counts a run adds to. */
  private Map<String, Long> ledger() {
    Map<String, Long> sums = new TreeMap<>();
    jdbc.sql("select currency, kind, sum(amount_minor) as total from invoice_line group by currency, kind")
        .query((rs, i) -> sums.put(rs.getString("currency").trim() + ":" + rs.getString("kind"), rs.getLong("total")))
        .list();
    sums.put("invoices", jdbc.sql("select count(*) from invoice").query(Long.class).single());
    sums.put("subscriptions", jdbc.sql("select count(distinct subscription_id) from invoice_line"
        + " where kind in ('CHARGE', 'ADJUSTMENT') and invoice_id in (select invoice_id from invoice where created_at = :now)")
        .param("now", org.billingcenter.shared.Utc.of(START)).query(Long.class).single());
    return sums;
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
    return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
  }

  @Test
  void a_run_records_its_history_row_with_the_counts_and_the_totals_per_currency_it_wrote() throws Exception {
    renewalsInEurosAndKroner();
    Map<String, Long> before = ledger();
    String started = runFor("2026-03-10").andExpect(status().isOk())
        .andExpect(jsonPath("$.runId").isString())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/operator/billing-runs/")))
        .andReturn().getResponse().getContentAsString();
    Map<String, Long> after = ledger();
    String id = JsonPath.read(started, "$.runId");
    String run = read("/api/v1/operator/billing-runs/" + id);

    assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("SUCCEEDED");
    assertThat((String) JsonPath.read(run, "$.day")).isEqualTo("2026-03-10");
    assertThat((String) JsonPath.read(run, "$.startedBy")).isEqualTo(operator);
    assertThat((Integer) JsonPath.read(run, "$.percentDone")).isEqualTo(100);
    assertThat((Integer) JsonPath.read(run, "$.tenantsBilled")).isEqualTo(JsonPath.read(started, "$.billing.tenants"));
    assertThat((Integer) JsonPath.read(run, "$.tenantsBilled")).isGreaterThanOrEqualTo(2);
    assertThat((Integer) JsonPath.read(run, "$.tenantsDue")).isGreaterThanOrEqualTo(2);
    assertThat((Integer) JsonPath.read(run, "$.charges")).isEqualTo(JsonPath.read(started, "$.billing.charges"));
    assertThat((Integer) JsonPath.read(run, "$.refunds")).isEqualTo(JsonPath.read(started, "$.billing.refunds"));
    assertThat((Integer) JsonPath.read(run, "$.creditsReturned")).isEqualTo(JsonPath.read(started, "$.billing.credits"));
    assertThat((Integer) JsonPath.read(run, "$.invoices")).isEqualTo((int) delta(before, after, "invoices"));
    assertThat((Integer) JsonPath.read(run, "$.subscriptionsBilled")).isEqualTo((int) delta(before, after, "subscriptions"));
    for (String currency : List.of("EUR", "DKK")) {
      String total = "$.totals[?(@.currency == '" + currency + "')]";
      List<Number> charged = JsonPath.read(run, total + ".charged.amountMinor");
      List<Number> credited = JsonPath.read(run, total + ".credited.amountMinor");
      List<Number> refunded = JsonPath.read(run, total + ".refunded.amountMinor");
      assertThat(charged).as(currency).hasSize(1);
      assertThat(charged.get(0).longValue()).as(currency + " charged")
          .isEqualTo(delta(before, after, currency + ":CHARGE") + delta(before, after, currency + ":ADJUSTMENT"))
          .isPositive();
      assertThat(credited.get(0).longValue()).isEqualTo(-delta(before, after, currency + ":CREDIT"));
      assertThat(refunded.get(0).longValue()).isEqualTo(delta(before, after, currency + ":REFUND"));
    }
    mvc.perform(get("/api/v1/operator/billing-runs").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].id").value(id));
  }

  @Test
  void a_future_day_and_a_past_day_whose_run_succeeded_are_refused_and_change_nothing_a_missed_day_runs()
      throws Exception {
    runFor("2026-03-12").andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("RUN_DATE_AFTER_TODAY"));
    runFor("2026-03-05").andExpect(status().isOk()); // missed: no run for it succeeded
    long runs = jdbc.sql("select count(*) from billing_run_log").query(Long.class).single();
    String invoices = jdbc.sql("select count(*) || ':' || coalesce(sum(total_minor), 0) from invoice").query(String.class).single();
    mvc.perform(post("/api/v1/operator/billing-runs").contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2026-03-05\"}").with(httpBasic(operator, PASSWORD)).header("Accept-Language", "fr"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("RUN_DATE_ALREADY_RUN"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("n’est pas un jour manqué")));
    MockHttpServletResponse page = mvc.perform(get("/operator/billing-runs/check").param("date", "2026-03-05")
        .header("Referer", "http://localhost/operator/billing-runs").with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from billing_run_log").query(Long.class).single()).isEqualTo(runs);
    assertThat(jdbc.sql("select count(*) || ':' || coalesce(sum(total_minor), 0) from invoice").query(String.class).single())
        .isEqualTo(invoices);
    runFor("2026-03-10").andExpect(status().isOk()); // today always runs
    runFor("2026-03-10").andExpect(status().isOk());
  }

  @Test
  void the_console_checks_confirms_and_starts_a_run_whose_progress_shows_while_a_batch_is_held() throws Exception {
    renewalsInEurosAndKroner();
    var me = user(accounts.loadUserByUsername(operator));
    Document confirm = Jsoup.parse(mvc.perform(get("/operator/billing-runs/check").param("date", "2026-03-10").with(me)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(confirm.select("#confirm-run")).hasSize(1);
    assertThat(confirm.select("input[name=date]").val()).isEqualTo("2026-03-10");
    assertThat(jdbc.sql("select count(*) from billing_run_log").query(Long.class).single()).as("a check starts nothing").isZero();

    gateway.hold();
    String location = mvc.perform(post("/operator/billing-runs/start").param("date", "2026-03-10").with(csrf()).with(me))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    assertThat(gateway.awaitHeld()).as("the run reached its first batch's collections").isTrue();
    String id = location.substring(location.indexOf("run=") + 4);
    String running = read("/api/v1/operator/billing-runs/" + id);
    assertThat((String) JsonPath.read(running, "$.status")).isEqualTo("RUNNING");
    assertThat((Integer) JsonPath.read(running, "$.tenantsDue")).isGreaterThanOrEqualTo(2);
    assertThat((Integer) JsonPath.read(running, "$.percentDone")).isBetween(0, 99);
    Document live = Jsoup.parse(mvc.perform(get(location).header("HX-Request", "true").with(me))
        .andReturn().getResponse().getContentAsString());
    assertThat(live.select("html head title")).as("htmx gets the fragment only").isEmpty();
    assertThat(live.select("#progress[hx-trigger]")).as("it keeps polling while the run goes on").hasSize(1);
    assertThat(live.select("progress#run-progress").attr("data-status")).isEqualTo("RUNNING");
    mvc.perform(post("/operator/billing-runs/start").param("date", "2026-03-10").with(csrf()).with(me))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select count(*) from billing_run_log").query(Long.class).single())
        .as("a second start while one runs is refused").isEqualTo(1);

    gateway.release();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String done = running;
    while (!"SUCCEEDED".equals(JsonPath.read(done, "$.status")) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      done = read("/api/v1/operator/billing-runs/" + id);
    }
    assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("SUCCEEDED");
    Document finished = Jsoup.parse(mvc.perform(get(location).header("HX-Request", "true").with(me))
        .andReturn().getResponse().getContentAsString());
    assertThat(finished.select("#progress[hx-trigger]")).as("polling stops once the run ended").isEmpty();
    assertThat(finished.select("progress#run-progress").attr("value")).isEqualTo("100");
    assertThat(finished.select("#runs tr[data-run-id=" + id + "]")).hasSize(1);
  }

  @Test
  void the_pages_and_the_api_are_the_operators_only() throws Exception {
    TestTenants.Given org = tenants.tenant(0);
    var admin = user(accounts.loadUserByUsername(org.admin()));
    assertThat(mvc.perform(get("/operator/billing-runs").with(admin)).andReturn().getResponse().getStatus()).isEqualTo(403);
    mvc.perform(get("/api/v1/operator/billing-runs").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/operator/billing-runs/" + UUID.randomUUID()).with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("BILLING_RUN_NOT_FOUND"));
    mvc.perform(get("/api/v1/operator/billing-runs?status=SOMETIMES").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isBadRequest());
    assertThat(mvc.perform(get("/operator/billing-runs").with(user(accounts.loadUserByUsername(operator))))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class HoldingGatewayConfig {
    @Bean
    @Primary
    HoldingGateway holdingGateway(org.billingcenter.payment.CollectionDesk real) {
      return new HoldingGateway(real);
    }
  }

  /** The application's gateway, able to hold a batch open (inside its transaction) until released. */
  static final class HoldingGateway implements PaymentGateway {
    private final PaymentGateway real;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    HoldingGateway(PaymentGateway real) {
      this.real = real;
    }

    /** The next batch waits in its collections until {@link #release()}. */
    void hold() {
      held = new CountDownLatch(1);
      gate = new CountDownLatch(1);
    }

    boolean awaitHeld() throws InterruptedException {
      return held.await(30, TimeUnit.SECONDS);
    }

    void release() {
      gate.countDown();
    }

    @Override
    public void withdraw(org.billingcenter.shared.TenantId tenant, java.util.UUID invoice) {
      real.withdraw(tenant, invoice);
    }

    @Override
    public void dispatch() {
      real.dispatch();
    }

    @Override
    public void collect(List<Collection> collections) {
      CountDownLatch waitFor = gate;
      if (waitFor.getCount() > 0) {
        held.countDown();
        try {
          waitFor.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      real.collect(collections);
    }

    @Override
    public void refund(List<Refund> refunds) {
      real.refund(refunds);
    }
  }
}
