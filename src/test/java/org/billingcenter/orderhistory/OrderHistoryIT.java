package org.billingcenter.orderhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.licensing.QuantityChangePreview;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.licensing.QuantityChangeWhen;
import org.billingcenter.planchange.PlanChangeDecision;
import org.billingcenter.planchange.PlanChangeService;
import org.billingcenter.planchange.PlanChanger;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A month in an organisation's life — it buys, adds licenses, changes plan, is cancelled by support,
 * reactivates — read back as its order history: each entry with its amount and who did it, through
 * the API and the page in English and French, filtered and paged, and never another organisation's.
 */
class OrderHistoryIT extends DatabaseIT {

  static final String PREMIUM = "oh-it-premium-eur";

  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;
  @Autowired QuantityChangeService quantities;
  @Autowired PlanChangeService planChanges;
  @Autowired CancellationService cancellations;
  @Autowired BillingService billing;
  @Autowired CatalogService catalog;

  @BeforeEach
  void premium() {
    tenants.tenant(0);
    if (catalog.plans().stream().map(Plan::id).noneMatch(PREMIUM::equals)) {
      catalog.addPlan(new Plan(PREMIUM, "oh-it-premium", "Premium Suite", Money.of(2200, "EUR"), BillingFrequency.MONTHLY,
          BillingFrequency.MONTHLY, 30, 25, null, 5));
    }
  }

  record Story(Given org, Subscription s, QuantityChangePreview added, PlanChangeDecision changed, Money cancelCredit) {}

  private void at(String instant) {
    clock.set(Instant.parse(instant));
  }

  private Story aMonth() {
    Given org = tenants.tenant(0);
    Subscription s = subscriptions.purchase(org.id(), TestTenants.MONTHLY_PLAN, 5, org.card(), org.admin());
    at("2026-03-15T10:00:00Z");
    QuantityChangePreview added = quantities.change(org.id(), s.id(), 8, QuantityChangeWhen.NOW, org.admin(),
        Set.of(Role.GLOBAL_ADMIN));
    at("2026-03-20T10:00:00Z");
    PlanChangeDecision changed = planChanges.change(org.id(), s.id(), new PlanChanger(org.admin(), Set.of(Role.GLOBAL_ADMIN)),
        new PlanChangeService.Request(PREMIUM));
    at("2026-03-25T10:00:00Z");
    cancellations.cancel(org.id(), s.id(), new Canceller("eve-support", Set.of(Role.SUPPORT_ENGINEER), "asked by phone"),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.TOO_EXPENSIVE, null));
    Money cancelCredit = billing.credits(org.id()).stream().map(Credit::amount).filter(a -> !a.equals(changed.preview().credit()))
        .findFirst().orElseThrow();
    at("2026-03-28T10:00:00Z");
    subscriptions.reactivate(org.id(), s.id(), org.card(), org.admin());
    return new Story(org, s, added, changed, cancelCredit);
  }

  private MockHttpServletResponse api(Given org, String query) throws Exception {
    return mvc.perform(get("/api/v1/order-history" + query).header("Accept-Language", "en")
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn().getResponse();
  }

  private static String minor(Money m) {
    return String.valueOf(m.minor());
  }

  @Test
  void each_step_is_listed_newest_first_with_its_amount_and_who_did_it() throws Exception {
    Story story = aMonth();
    MockHttpServletResponse response = api(story.org(), "");
    assertThat(response.getStatus()).isEqualTo(200);
    String json = response.getContentAsString();
    List<Map<String, Object>> entries = JsonPath.read(json, "$");
    assertThat(entries).extracting(e -> e.get("type")).containsExactlyInAnyOrder("REACTIVATION", "CREDIT", "CANCELLATION",
        "CREDIT", "PLAN_CHANGE", "LICENSES_ADDED", "PURCHASE");
    assertThat(entries.get(0).get("type")).isEqualTo("REACTIVATION");
    assertThat(entries.get(entries.size() - 1).get("type")).isEqualTo("PURCHASE");
    List<String> times = JsonPath.read(json, "$[*].at");
    assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(toInstant(b)).compareTo(Instant.parse(toInstant(a))));
    assertThat(times.get(0)).isEqualTo("2026-03-28T11:00:00+01:00"); // Paris time

    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='PURCHASE')].charge.amountMinor")).containsExactly(5000);
    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='LICENSES_ADDED')].charge.amountMinor"))
        .containsExactly((int) story.added().amount().minor());
    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='PLAN_CHANGE')].charge.amountMinor"))
        .containsExactly((int) story.changed().preview().charge().minor());
    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='PLAN_CHANGE')].credit.amountMinor"))
        .containsExactly((int) story.changed().preview().credit().minor());
    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='CREDIT')].credit.amountMinor"))
        .containsExactlyInAnyOrder((int) story.cancelCredit().minor(), (int) story.changed().preview().credit().minor());
    assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.type=='REACTIVATION')].charge.amountMinor"))
        .containsExactly(8 * 2200);
    assertThat(JsonPath.<List<String>>read(json, "$[?(@.type=='CANCELLATION')].actor")).containsExactly("eve-support");
    assertThat(JsonPath.<List<Boolean>>read(json, "$[?(@.type=='CANCELLATION')].assisted")).containsExactly(true);
    assertThat(JsonPath.<List<String>>read(json, "$[?(@.type=='PURCHASE')].actor")).containsExactly(story.org().admin());
    assertThat(JsonPath.<List<Boolean>>read(json, "$[?(@.type=='PURCHASE')].assisted")).containsExactly(false);
    assertThat(JsonPath.<List<String>>read(json, "$[*].subscriptionId")).containsOnly(story.s().id().toString());
    assertThat(JsonPath.<List<String>>read(json, "$[?(@.type=='REACTIVATION')].productName")).containsExactly("Premium Suite");
  }

  private static String toInstant(String offsetTime) {
    return java.time.OffsetDateTime.parse(offsetTime).toInstant().toString();
  }

  @Test
  void the_page_speaks_english_and_french_and_shows_support_as_such() throws Exception {
    Story story = aMonth();
    var me = user(accounts.loadUserByUsername(story.org().admin()));
    String en = mvc.perform(get("/billing/order-history").param("lang", "en").with(me)).andReturn().getResponse()
        .getContentAsString();
    assertThat(en).contains("Order history", "Purchase", "Licenses added", "Plan change", "Cancellation", "Reactivation",
        "eve-support (support, on your behalf)", "Premium Suite", "176.00");
    String fr = mvc.perform(get("/billing/order-history").param("lang", "fr-FR").with(me)).andReturn().getResponse()
        .getContentAsString();
    assertThat(fr).contains("Historique des commandes", "Achat", "Licences ajoutées", "Changement de forfait",
        "Résiliation", "Réactivation", "Avoir", "eve-support (support, pour votre compte)", "Débit de 176,00");
  }

  @Test
  void filters_by_type_days_and_subscription_and_pages() throws Exception {
    Story story = aMonth();
    Given org = story.org();
    assertThat(JsonPath.<List<String>>read(api(org, "?type=CREDIT").getContentAsString(), "$[*].type"))
        .containsExactly("CREDIT", "CREDIT");
    assertThat(JsonPath.<List<String>>read(api(org, "?type=PURCHASE&type=REACTIVATION").getContentAsString(), "$[*].type"))
        .containsExactly("REACTIVATION", "PURCHASE");
    assertThat(JsonPath.<List<String>>read(api(org, "?from=2026-03-20&to=2026-03-20").getContentAsString(), "$[*].type"))
        .containsExactlyInAnyOrder("PLAN_CHANGE", "CREDIT");
    assertThat(JsonPath.<List<String>>read(api(org, "?subscription=" + story.s().id()).getContentAsString(), "$"))
        .hasSize(7);
    assertThat(JsonPath.<List<String>>read(api(org, "?subscription=" + java.util.UUID.randomUUID()).getContentAsString(), "$"))
        .isEmpty();
    MockHttpServletResponse second = api(org, "?page=2&size=3");
    assertThat(second.getHeader("X-Total-Count")).isEqualTo("7");
    assertThat(JsonPath.<List<String>>read(second.getContentAsString(), "$")).hasSize(3);
    assertThat(second.getHeader("Link")).contains("rel=\"next\"").contains("rel=\"prev\"");
    String page = mvc.perform(get("/billing/order-history").param("type", "CREDIT").param("size", "1").param("lang", "en")
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("type=CREDIT").contains("rel=\"next\"");
  }

  @Test
  void unreadable_filters_are_refused_on_the_api_and_the_page() throws Exception {
    Given org = tenants.tenant(0);
    for (String query : List.of("?type=NOPE", "?from=2026-13-01", "?from=2026-03-02&to=2026-03-01", "?subscription=x")) {
      MockHttpServletResponse response = api(org, query);
      assertThat(response.getStatus()).as(query).isEqualTo(422);
      assertThat((String) JsonPath.read(response.getContentAsString(), "$.code")).isEqualTo("ORDER_HISTORY_FILTER_INVALID");
    }
    MockHttpServletResponse page = mvc.perform(get("/billing/order-history").param("type", "NOPE").param("lang", "fr-FR")
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(422);
    assertThat(page.getContentAsString()).contains("Ces filtres ne peuvent pas être appliqués.");
  }

  @Test
  void another_organisation_sees_none_of_it_even_with_its_subscription_id() throws Exception {
    Story victim = aMonth();
    Given attacker = tenants.tenant(0);
    String reader = tenants.account(attacker, Role.READER);
    for (String username : List.of(attacker.admin(), reader)) {
      var me = user(accounts.loadUserByUsername(username));
      for (String path : List.of("/api/v1/order-history", "/api/v1/order-history?subscription=" + victim.s().id(),
          "/billing/order-history", "/billing/order-history?subscription=" + victim.s().id())) {
        String body = mvc.perform(get(path).with(me)).andReturn().getResponse().getContentAsString();
        // The id the attacker typed may come back in its own links and inputs; no entry of the victim's may.
        assertThat(body).as(path).doesNotContain("eve-support").doesNotContain(victim.org().admin())
            .doesNotContain("Premium Suite").doesNotContain("id=\"order-history\"");
        if (path.startsWith("/api")) {
          assertThat(JsonPath.<List<Object>>read(body, "$")).as(path).isEmpty();
        }
      }
    }
  }
}
