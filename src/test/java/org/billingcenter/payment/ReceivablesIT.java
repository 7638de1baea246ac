package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.payment.Receivables.MonthSeries;
import org.billingcenter.payment.Receivables.OverdueOrganisation;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.testing.DatabaseIT;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's receivables on a test clock, from 1 April to 20 June 2026, built the real way:
 * organisations billed in SEK (a currency no other test bills in) buy an annual plan with a card
 * whose sandbox token declines; the billing run collects on the purchase day and dunning runs every
 * day. Ada bought on 1 April (80 days overdue on 20 June, given up on 1 May: lost in May), Bo on 3
 * May (48 days, given up on 2 June: lost in June), Cy on 5 June (15 days, still being retried), Di
 * on 15 May and paid her balance with a good card on 20 May (recovered in May). The PostgreSQL test
 * database keeps earlier runs' organisations, so the totals are compared with those read on the same
 * day before these organisations existed.
 */
class ReceivablesIT extends DatabaseIT {

  static final String PLAN = "receivables-annual-sek";
  static final LocalDate FIRST = LocalDate.of(2026, 4, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 20);
  static final String ACTOR = "receivables-it";

  @Autowired Receivables receivables;
  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;
  @Autowired CatalogService catalog;
  @Autowired BillingRunService billingRuns;
  @Autowired DunningRun dunning;
  @Autowired BalanceService balances;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;

  record Org(TenantId id, String name, String admin, String password, PaymentMethodId card) {}

  private void at(LocalDate day) {
    clock.set(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  private Org organisation(String tag, String name) {
    if (catalog.plans().stream().noneMatch(p -> p.id().equals(PLAN))) {
      catalog.addPlan(new Plan(PLAN, "receivables-product", "Receivables Product", Money.of(10_000, "SEK"),
          BillingFrequency.ANNUAL, BillingFrequency.ANNUAL, 30, 25));
    }
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String fullName = "Recv " + tag + " " + name;
    Tenant tenant = new Tenant(TenantId.random(), fullName, "SE", Locale.forLanguageTag("en-GB"),
        ZoneId.of("Europe/Stockholm"), Currency.getInstance("SEK"));
    String admin = "recv-" + suffix;
    String password = "pass-" + suffix + "-phrase";
    tenantService.create(new NewTenant(tenant, admin, "Admin " + suffix, password), ACTOR);
    PaymentMethodId card = tenantService.addPaymentMethod(tenant.id(),
        new NewPaymentMethod("tok_chargeDeclined_" + suffix, "Visa", "0002", 12, 2035), ACTOR).id();
    tenantService.makeDefaultPaymentMethod(tenant.id(), card, ACTOR);
    return new Org(tenant.id(), fullName, admin, password, card);
  }

  private void buys(Org org, int licenses, LocalDate day) {
    subscriptions.purchase(org.id(), PLAN, licenses, org.card(), ACTOR);
    billingRuns.run(day); // issues the invoice and collects it: the card declines
  }

  private static Map<String, Long> sek(Receivables.Summary summary) {
    return summary.buckets().stream().filter(b -> b.total().currency().getCurrencyCode().equals("SEK")).findFirst()
        .map(b -> Map.of("30", b.upTo30Days().minor(), "60", b.upTo60Days().minor(), "more", b.over60Days().minor(),
            "organisations", b.organisations()))
        .orElse(Map.of("30", 0L, "60", 0L, "more", 0L, "organisations", 0L));
  }

  private static long sekMonth(List<MonthSeries> series, YearMonth month, Function<Receivables.MonthFigures, Money> figure) {
    return series.stream().filter(s -> s.currency().equals("SEK")).flatMap(s -> s.months().stream())
        .filter(m -> m.month().equals(month)).findFirst().map(m -> figure.apply(m).minor()).orElse(0L);
  }

  private RequestPostProcessor operator() {
    String name = "recv-op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(name, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    return user(accounts.loadUserByUsername(name));
  }

  @Test
  void overdue_money_is_aged_listed_oldest_first_and_recovered_and_lost_are_counted_per_month() throws Exception {
    at(TODAY);
    Map<String, Long> before = sek(receivables.summary());
    List<MonthSeries> monthsBefore = receivables.months(12);

    String tag = UUID.randomUUID().toString().substring(0, 8);
    Org ada = organisation(tag, "Ada");
    Org bo = organisation(tag, "Bo");
    Org cy = organisation(tag, "Cy");
    Org di = organisation(tag, "Di");
    for (LocalDate day = FIRST; !day.isAfter(TODAY); day = day.plusDays(1)) {
      at(day);
      if (day.equals(FIRST)) {
        buys(ada, 3, day);
      } else if (day.equals(LocalDate.of(2026, 5, 3))) {
        buys(bo, 2, day);
      } else if (day.equals(LocalDate.of(2026, 5, 15))) {
        buys(di, 4, day);
      } else if (day.equals(LocalDate.of(2026, 5, 20))) {
        PaymentMethodId good = tenantService.addPaymentMethod(di.id(),
            new NewPaymentMethod("tok_visa_" + tag, "Visa", "4242", 12, 2035), ACTOR).id();
        assertThat(balances.pay(di.id(), good, di.admin()).complete()).isTrue();
      } else if (day.equals(LocalDate.of(2026, 6, 5))) {
        buys(cy, 1, day);
      }
      dunning.run(day);
    }

    at(TODAY);
    Map<String, Long> after = sek(receivables.summary());
    assertThat(after.get("30") - before.get("30")).as("Cy, 15 days").isEqualTo(10_000);
    assertThat(after.get("60") - before.get("60")).as("Bo, 48 days").isEqualTo(20_000);
    assertThat(after.get("more") - before.get("more")).as("Ada, 80 days").isEqualTo(30_000);
    assertThat(after.get("organisations") - before.get("organisations")).isEqualTo(3);

    var page = receivables.organisations(ReceivablesSearch.parse(tag), PageRequest.FIRST);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).extracting(OverdueOrganisation::name)
        .containsExactly(ada.name(), bo.name(), cy.name());
    assertThat(page.items()).extracting(OverdueOrganisation::oldestDays).containsExactly(80L, 48L, 15L);
    assertThat(page.items()).extracting(OverdueOrganisation::overdue)
        .containsExactly(Money.of(30_000, "SEK"), Money.of(20_000, "SEK"), Money.of(10_000, "SEK"));
    assertThat(page.items()).extracting(OverdueOrganisation::uncollectible).containsExactly(true, true, false);
    assertThat(page.items()).extracting(OverdueOrganisation::invoices).containsExactly(1, 1, 1);
    assertThat(receivables.organisations(ReceivablesSearch.parse(tag + " ad"), PageRequest.FIRST).items())
        .extracting(OverdueOrganisation::tenant).containsExactly(ada.id());
    assertThat(receivables.organisations(ReceivablesSearch.parse(tag + "%"), PageRequest.FIRST).total())
        .as("a % is a character, not a wildcard").isZero();

    List<MonthSeries> months = receivables.months(12);
    YearMonth may = YearMonth.of(2026, 5);
    YearMonth june = YearMonth.of(2026, 6);
    assertThat(months.get(0).months()).hasSize(12).last().extracting(Receivables.MonthFigures::month).isEqualTo(june);
    assertThat(sekMonth(months, may, Receivables.MonthFigures::recovered)
        - sekMonth(monthsBefore, may, Receivables.MonthFigures::recovered)).as("Di paid").isEqualTo(40_000);
    assertThat(sekMonth(months, may, Receivables.MonthFigures::lost)
        - sekMonth(monthsBefore, may, Receivables.MonthFigures::lost)).as("Ada given up on").isEqualTo(30_000);
    assertThat(sekMonth(months, june, Receivables.MonthFigures::lost)
        - sekMonth(monthsBefore, june, Receivables.MonthFigures::lost)).as("Bo given up on").isEqualTo(20_000);
    assertThat(sekMonth(months, june, Receivables.MonthFigures::recovered)
        - sekMonth(monthsBefore, june, Receivables.MonthFigures::recovered)).isZero();

    RequestPostProcessor op = operator();
    String summary = mvc.perform(get("/api/v1/operator/receivables").with(op)).andReturn().getResponse()
        .getContentAsString();
    assertThat(JsonPath.<String>read(summary, "$.today")).isEqualTo("2026-06-20");
    assertThat(JsonPath.<List<Integer>>read(summary, "$.retryDays")).containsExactly(1, 3, 5, 7, 14, 21, 30);
    assertThat(JsonPath.<List<Integer>>read(summary, "$.buckets[?(@.currency=='SEK')].over60Days.amountMinor"))
        .containsExactly(after.get("more").intValue());
    var listed = mvc.perform(get("/api/v1/operator/receivables/organisations?q=" + tag + "&size=2").with(op))
        .andReturn().getResponse();
    assertThat(listed.getHeader("X-Total-Count")).isEqualTo("3");
    assertThat(listed.getHeader("Link")).contains("rel=\"next\"");
    assertThat(JsonPath.<List<String>>read(listed.getContentAsString(), "$[*].tenantId"))
        .containsExactly(ada.id().toString(), bo.id().toString());
    assertThat(JsonPath.<List<Integer>>read(listed.getContentAsString(), "$[*].oldestOverdueDays")).containsExactly(80, 48);
    String monthsJson = mvc.perform(get("/api/v1/operator/receivables/months?months=3").with(op)).andReturn()
        .getResponse().getContentAsString();
    assertThat(JsonPath.<List<String>>read(monthsJson, "$.series[?(@.currency=='SEK')].months[*].month"))
        .containsExactly("2026-04", "2026-05", "2026-06");

    Document en = Jsoup.parse(mvc.perform(get("/operator/receivables?q=" + tag).header("Accept-Language", "en")
        .with(op)).andReturn().getResponse().getContentAsString());
    assertThat(en.select("#organisations tbody tr").eachAttr("data-tenant-id"))
        .containsExactly(ada.id().toString(), bo.id().toString(), cy.id().toString());
    assertThat(en.select("#organisations tbody tr").first().select("a").attr("href"))
        .isEqualTo("/operator/organisations/" + ada.id());
    assertThat(en.select("#organisations tbody tr td.oldest").eachText()).containsExactly("80 days", "48 days", "15 days");
    assertThat(en.select("#organisations tbody tr td.state").eachText())
        .containsExactly("Given up (uncollectible)", "Given up (uncollectible)", "Being retried");
    assertThat(en.select("#ages tr[data-currency=SEK]")).hasSize(1);
    assertThat(en.select("#months-SEK tbody tr")).hasSize(12);
    assertThat(en.select("#months-SEK tbody tr[data-month=2026-05] th").text()).isEqualTo("May 2026");
    assertThat(en.select("#schedule").text()).contains("days 1, 3, 5, 7, 14, 21, and 30 after its due date");
    assertThat(en.select("#schedule-change").text()).contains("billing-center.payments.retry-days");
    Document fr = Jsoup.parse(mvc.perform(get("/operator/receivables?q=" + tag).header("Accept-Language", "fr-FR")
        .with(op)).andReturn().getResponse().getContentAsString());
    assertThat(fr.select("#organisations tbody tr td.oldest").eachText()).containsExactly("80 jours", "48 jours", "15 jours");
    assertThat(fr.select("#schedule").text()).contains("1, 3, 5, 7, 14, 21 et 30");
    String fragment = mvc.perform(get("/operator/receivables?q=" + tag).header("HX-Request", "true").with(op))
        .andReturn().getResponse().getContentAsString();
    assertThat(fragment).startsWith("<div id=\"list\">").doesNotContain("<html").contains(cy.id().toString());
  }

  @Test
  void only_the_operator_reads_receivables_and_hostile_queries_are_refused() throws Exception {
    Org org = organisation(UUID.randomUUID().toString().substring(0, 8), "Admin");
    RequestPostProcessor admin = httpBasic(org.admin(), org.password());
    for (String path : List.of("/api/v1/operator/receivables", "/api/v1/operator/receivables/organisations",
        "/api/v1/operator/receivables/months")) {
      assertThat(mvc.perform(get(path).with(admin)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
    }
    String adminName = org.admin();
    var page = mvc.perform(get("/operator/receivables").with(user(accounts.loadUserByUsername(adminName))))
        .andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(403);

    RequestPostProcessor op = operator();
    for (String path : List.of("/api/v1/operator/receivables/organisations?q=" + "x".repeat(201), "/api/v1/operator/receivables/organisations?page=0",
        "/api/v1/operator/receivables/organisations?size=201", "/api/v1/operator/receivables/organisations?page=-1",
        "/api/v1/operator/receivables/months?months=0", "/api/v1/operator/receivables/months?months=37",
        "/api/v1/operator/receivables/months?months=1e3",
        "/operator/receivables?page=abc")) {
      var response = mvc.perform(get(path).with(op).header("Accept-Language", "en")).andReturn().getResponse();
      // 400 for a malformed page, 422 for a search or month count refused by its rule (as the house answers
      // ORGANISATION_SEARCH_INVALID): never a 2xx, never a 5xx.
      assertThat(response.getStatus()).as(path).isIn(400, 422);
    }
    for (String q : List.of("\0", "a\nb", "\ud800")) {
      for (String path : List.of("/api/v1/operator/receivables/organisations", "/operator/receivables")) {
        // The API answers a problem; the page goes back with the error (PageErrors) or, for a character
        // no request may carry, is refused before it (400).
        assertThat(mvc.perform(get(path).param("q", q).with(op)).andReturn().getResponse().getStatus())
            .as(path + " " + q).isIn(path.startsWith("/api") ? List.of(400, 422) : List.of(302, 400, 422));
      }
    }
    String problem = mvc.perform(get("/api/v1/operator/receivables/months?months=99").with(op)
        .header("Accept-Language", "fr-FR")).andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(problem, "$.code")).isEqualTo("RECEIVABLES_MONTHS_INVALID");
    assertThat(JsonPath.<String>read(problem, "$.detail")).contains("de 1 à 36");
    assertThat(mvc.perform(get("/api/v1/operator/receivables/months").with(op)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }
}
