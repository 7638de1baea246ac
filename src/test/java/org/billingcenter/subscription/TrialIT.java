package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.billingcenter.account.AccountService;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Trials the customer controls, on the daily job's dates: a trial of the monthly test plan (EUR
 * 10.00 a license) started on 10 March ends on 9 April.
 */
class TrialIT extends DatabaseIT {

  static final LocalDate TRIAL_END = LocalDate.of(2026, 4, 9);

  @Autowired AccountService accounts;
  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService runs;
  @Autowired SubscriptionService subscriptions;
  @Autowired TrialService trials;
  @Autowired BillingService billing;
  @Autowired LicensingService licensing;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  private void day(LocalDate date) {
    clock.set(Instant.parse(date + "T12:00:00Z"));
    lifecycle.run(date);
    runs.run(date);
  }

  private Subscription trial(Given org, int assigned) {
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "t");
    if (assigned > 0) {
      licensing.assign(org.id(), trial.id(), org.members().subList(0, assigned), "t");
    }
    return trial;
  }

  private Subscription now(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription();
  }

  private MockHttpServletResponse call(Given org, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(org.admin(), org.password()))).andReturn().getResponse();
  }

  /** Billing › Your products in the tenant's French: its "next charge" column. */
  private String productsPage(Given org) throws Exception {
    return mvc.perform(get("/billing/products").with(user(accounts.loadUserByUsername(org.admin()))))
        .andReturn().getResponse().getContentAsString();
  }

  @Test
  void with_conversion_turned_off_a_trial_with_a_card_expires_at_its_end_and_nothing_is_charged() throws Exception {
    Given org = tenants.tenant(2);
    Subscription trial = trial(org, 2);
    assertThat(productsPage(org)).contains("Passe au payant le").doesNotContain("Fin de l’essai");
    MockHttpServletResponse off = call(org, put("/api/v1/subscriptions/" + trial.id() + "/auto-renew")
        .contentType(MediaType.APPLICATION_JSON).content("{\"autoRenew\": false}"));
    assertThat(off.getStatus()).isEqualTo(200);
    assertThat((Boolean) JsonPath.read(off.getContentAsString(), "$.conversion.willConvert")).isFalse();
    assertThat((String) JsonPath.read(off.getContentAsString(), "$.conversion.reason")).isEqualTo("CONVERSION_OFF");
    assertThat((String) JsonPath.read(off.getContentAsString(), "$.conversion.on")).isEqualTo("2026-04-09");
    // The cancel page of a trial whose card stays on file says the conversion is off, not "add a card".
    String cancelPage = mvc.perform(get("/billing/subscriptions/" + trial.id() + "/cancel") // in the tenant's French
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn().getResponse().getContentAsString();
    assertThat(cancelPage).contains("Son passage au payant est désactivé").contains("réactiver son passage au payant")
        .doesNotContain("Ajouter un moyen de paiement");
    assertThat(productsPage(org)).contains("Fin de l’essai le").doesNotContain("Passe au payant");

    day(TRIAL_END);
    assertThat(now(org, trial).status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(billing.invoices(org.id())).isEmpty();
    assertThat(audit.history(org.id(), "subscription", trial.id().toString())).extracting(e -> e.action())
        .contains("AUTO_RENEW_CHANGED", "TRIAL_EXPIRED").doesNotContain("TRIAL_CONVERTED");
  }

  @Test
  void turned_back_on_the_trial_converts_with_the_licenses_assigned_at_its_end_not_its_allowance() throws Exception {
    Given org = tenants.tenant(3);
    Subscription trial = trial(org, 1);
    subscriptions.setAutoRenew(org.id(), trial.id(), false, "t");
    subscriptions.setAutoRenew(org.id(), trial.id(), true, "t");
    String view = call(org, get("/api/v1/subscriptions/" + trial.id())).getContentAsString();
    assertThat((Integer) JsonPath.read(view, "$.conversion.quantity")).isEqualTo(1);
    assertThat((Boolean) JsonPath.read(view, "$.conversion.quantitySetByAdmin")).isFalse();
    assertThat((Integer) JsonPath.read(view, "$.conversion.firstCharge.amountMinor")).isEqualTo(1000);
    licensing.assign(org.id(), trial.id(), org.members().subList(1, 3), "t"); // 3 by the end

    day(TRIAL_END);
    Subscription paid = now(org, trial);
    assertThat(paid.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(paid.quantity()).isEqualTo(3);
    assertThat(billing.invoices(org.id())).singleElement().satisfies(i -> {
      assertThat(i.date()).isEqualTo(TRIAL_END);
      assertThat(i.total()).isEqualTo(Money.of(3 * 1000, "EUR"));
    });
  }

  @Test
  void the_admins_conversion_quantity_is_what_is_bought_and_one_below_the_assigned_is_refused() throws Exception {
    Given org = tenants.tenant(2);
    Subscription trial = trial(org, 2);
    String path = "/api/v1/subscriptions/" + trial.id() + "/conversion-quantity";
    MockHttpServletResponse below = call(org, put(path).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 1}"));
    assertThat(below.getStatus()).isEqualTo(422);
    assertThat((String) JsonPath.read(below.getContentAsString(), "$.code")).isEqualTo("QUANTITY_BELOW_ASSIGNED");
    MockHttpServletResponse set = call(org, put(path).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 5}"));
    assertThat(set.getStatus()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(set.getContentAsString(), "$.conversion.quantity")).isEqualTo(5);
    assertThat((Boolean) JsonPath.read(set.getContentAsString(), "$.conversion.quantitySetByAdmin")).isTrue();
    assertThat((Integer) JsonPath.read(set.getContentAsString(), "$.conversion.firstCharge.amountMinor")).isEqualTo(5000);

    day(TRIAL_END);
    assertThat(now(org, trial).quantity()).isEqualTo(5);
    assertThat(billing.invoices(org.id())).singleElement()
        .satisfies(i -> assertThat(i.total()).isEqualTo(Money.of(5 * 1000, "EUR")));
    assertThat(audit.history(org.id(), "subscription", trial.id().toString())).extracting(e -> e.action())
        .contains("CONVERSION_QUANTITY_SET");
  }

  @Test
  void a_trial_is_extended_once_within_its_last_15_days_and_refused_before_and_the_second_time() throws Exception {
    Given org = tenants.tenant(0);
    Subscription trial = trial(org, 0);
    String path = "/api/v1/subscriptions/" + trial.id() + "/trial-extension";
    clock.set(Instant.parse("2026-03-24T12:00:00Z")); // 16 days before the end
    MockHttpServletResponse early = call(org, post(path).header("Idempotency-Key", "extend-early"));
    assertThat(early.getStatus()).isEqualTo(409);
    assertThat((String) JsonPath.read(early.getContentAsString(), "$.code")).isEqualTo("TRIAL_EXTENSION_NOT_ALLOWED");

    clock.set(Instant.parse("2026-03-25T12:00:00Z")); // 15 days before
    MockHttpServletResponse extended = call(org, post(path).header("Idempotency-Key", "extend-1"));
    assertThat(extended.getStatus()).isEqualTo(200);
    assertThat((String) JsonPath.read(extended.getContentAsString(), "$.trialEnd")).isEqualTo("2026-05-09");
    MockHttpServletResponse replay = call(org, post(path).header("Idempotency-Key", "extend-1"));
    assertThat(replay.getContentAsString()).isEqualTo(extended.getContentAsString());

    clock.set(Instant.parse("2026-05-01T12:00:00Z"));
    MockHttpServletResponse again = call(org, post(path).header("Idempotency-Key", "extend-2"));
    assertThat(again.getStatus()).isEqualTo(409);
    assertThat((String) JsonPath.read(again.getContentAsString(), "$.code")).isEqualTo("TRIAL_EXTENSION_NOT_ALLOWED");
    assertThat(now(org, trial).trialEnd()).isEqualTo(LocalDate.of(2026, 5, 9));
    day(TRIAL_END);
    assertThat(now(org, trial).status()).isEqualTo(SubscriptionStatus.TRIAL);
    assertThat(audit.history(org.id(), "subscription", trial.id().toString())).extracting(e -> e.action())
        .containsOnlyOnce("TRIAL_EXTENDED");
  }

  @Test
  void buy_now_charges_the_chosen_licenses_times_the_price_today_exactly_as_previewed() throws Exception {
    Given org = tenants.tenant(2);
    Subscription trial = trial(org, 2);
    clock.set(Instant.parse("2026-03-20T09:00:00Z"));
    String path = "/api/v1/subscriptions/" + trial.id() + "/conversion";
    String preview = call(org, get(path).param("quantity", "3")).getContentAsString();
    MockHttpServletResponse bought = call(org, post(path).header("Idempotency-Key", "buy-1")
        .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 3, \"paymentMethodId\": \"" + org.card() + "\"}"));
    assertThat(bought.getStatus()).isEqualTo(200);

    String view = bought.getContentAsString();
    assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("ACTIVE");
    assertThat((Object) JsonPath.read(view, "$.conversion")).isNull();
    assertThat((Integer) JsonPath.read(view, "$.quantity")).isEqualTo(JsonPath.read(preview, "$.quantity"));
    assertThat((String) JsonPath.read(view, "$.currentPeriodStart")).isEqualTo(JsonPath.read(preview, "$.periodStart"));
    assertThat((String) JsonPath.read(view, "$.currentPeriodEnd")).isEqualTo(JsonPath.read(preview, "$.periodEnd"));
    assertThat((String) JsonPath.read(view, "$.paymentMethodId")).isEqualTo(JsonPath.read(preview, "$.paymentMethodId"));
    Invoice invoice = billing.invoice(org.id(), billing.invoices(org.id()).get(0).id());
    assertThat(invoice.date().toString()).isEqualTo(JsonPath.read(preview, "$.invoiceDate"));
    assertThat(invoice.lines()).singleElement().satisfies(line -> {
      assertThat(line.quantity()).isEqualTo(3);
      assertThat(line.amount().minor()).isEqualTo(((Integer) JsonPath.read(preview, "$.firstCharge.amountMinor")).longValue());
      assertThat(line.amount()).isEqualTo(Money.of(3 * 1000, "EUR"));
      assertThat(line.periodStart()).isEqualTo(LocalDate.of(2026, 3, 20));
    });

    runs.run(LocalDate.of(2026, 3, 20)); // the billing run of the day charges nothing twice
    day(TRIAL_END); // the old trial end changes nothing either
    assertThat(billing.invoices(org.id())).hasSize(1);
    assertThat(call(org, post(path).header("Idempotency-Key", "buy-2").contentType(MediaType.APPLICATION_JSON)
        .content("{\"quantity\": 3}")).getStatus()).isEqualTo(409);
  }

  @Test
  void buy_now_is_refused_below_the_licenses_assigned() {
    Given org = tenants.tenant(2);
    Subscription trial = trial(org, 2);
    assertThatThrownBy(() -> trials.buyNow(org.id(), trial.id(), 1, null, "t"))
        .isInstanceOfSatisfying(Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(TrialReason.QUANTITY_BELOW_ASSIGNED));
    assertThat(now(org, trial).status()).isEqualTo(SubscriptionStatus.TRIAL);
  }

  @Test
  void reminders_are_recorded_once_7_days_and_1_day_before_the_end_caught_up_and_rearmed_by_an_extension() {
    Given org = tenants.tenant(0);
    Subscription trial = trial(org, 0);
    day(LocalDate.of(2026, 4, 1)); // 8 days before: nothing yet
    assertThat(reminders(org)).isEmpty();
    day(LocalDate.of(2026, 4, 4)); // 2 April and 3 April were missed: caught up
    day(LocalDate.of(2026, 4, 4));
    assertThat(reminders(org)).containsExactly("2026-04-09/7");
    day(LocalDate.of(2026, 4, 8));
    day(LocalDate.of(2026, 4, 8));
    assertThat(reminders(org)).containsExactly("2026-04-09/1", "2026-04-09/7");
    assertThat(audit.history(org.id(), "subscription", trial.id().toString()))
        .filteredOn(e -> e.action().equals("TRIAL_WILL_END")).hasSize(2);

    trials.extend(org.id(), trial.id(), "t"); // to 9 May: both reminders again before then
    day(LocalDate.of(2026, 5, 8)); // only the nearest applies one day before
    assertThat(reminders(org)).containsExactly("2026-04-09/1", "2026-04-09/7", "2026-05-09/1");
  }

  private List<String> reminders(Given org) {
    return jdbc.sql("select trial_end, days_before from trial_reminder where tenant_id = :t order by trial_end, days_before")
        .param("t", org.id().value())
        .query((rs, i) -> rs.getDate("trial_end").toLocalDate() + "/" + rs.getInt("days_before"))
        .list();
  }
}
