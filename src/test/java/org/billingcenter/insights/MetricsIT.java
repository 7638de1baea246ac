package org.billingcenter.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.CallbackService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's series on seeded data in a random week between 2027 and 2035 (the PostgreSQL test
 * database keeps earlier runs' rows, so a fixed week would fill up): two paying
 * subscriptions (monthly and annual) and one cancelled for being too expensive, three callback
 * requests of which two were claimed after 30 and 90 minutes. MRR and counts are compared with the
 * figures before the seeding, as other tests' organisations share the database.
 */
class MetricsIT extends DatabaseIT {

  /** A Monday no other run is likely to have used; cards of the test organisations expire end of 2035. */
  static final LocalDate MONDAY = LocalDate.of(2027, 1, 4).plusWeeks(new java.util.Random().nextInt(450));
  static final Instant SEEDED = MONDAY.plusDays(2).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
  static final Instant CANCELLED = MONDAY.plusDays(4).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
  static final Instant READ = MONDAY.plusDays(4).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);

  @Autowired MetricsService metrics;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired CallbackService callbacks;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;

  private static String monthShort(YearMonth month, Locale locale) {
    return java.time.format.DateTimeFormatter.ofPattern("LLL", locale).format(month);
  }

  private void at(Instant instant) {
    clock.set(instant);
  }

  private static MrrPoint november(List<MrrSeries> series) {
    return series.stream().filter(s -> s.currency().getCurrencyCode().equals("EUR")).findFirst()
        .map(s -> s.points().get(11)).orElse(new MrrPoint(YearMonth.from(MONDAY.plusDays(4)), MONDAY.plusDays(4),
            org.billingcenter.shared.Money.of(0, "EUR"), 0));
  }

  @Test
  void the_series_count_paying_subscriptions_cancellations_by_reason_and_the_median_wait_for_a_call() throws Exception {
    at(READ);
    MrrPoint before = november(metrics.mrr());
    long cancelledBefore = metrics.cancellations().get(11).count("TOO_EXPENSIVE");
    assertThat(metrics.callbacks().get(11).requests()).as("a week no earlier run used: run again").isZero();

    at(SEEDED);
    Given monthly = tenants.tenant(0);
    Given annual = tenants.tenant(0);
    Given leaving = tenants.tenant(0);
    Subscription m = subscriptions.purchase(monthly.id(), TestTenants.MONTHLY_PLAN, 5, monthly.card(), monthly.admin());
    Subscription a = subscriptions.purchase(annual.id(), TestTenants.ANNUAL_PLAN, 3, annual.card(), annual.admin());
    Subscription l = subscriptions.purchase(leaving.id(), TestTenants.MONTHLY_PLAN, 2, leaving.card(), leaving.admin());
    var first = callbacks.request(monthly.id(), new CallbackService.NewCallback(m.id().value(), "M", "+33123456789", "fr", "am"), "t");
    var second = callbacks.request(annual.id(), new CallbackService.NewCallback(a.id().value(), "A", "+33123456789", "fr", "pm"), "t");
    callbacks.request(leaving.id(), new CallbackService.NewCallback(l.id().value(), "L", "+33123456789", "fr", "pm"), "t");
    at(SEEDED.plus(Duration.ofMinutes(30)));
    callbacks.claim(monthly.id(), first.id(), "eve");
    at(SEEDED.plus(Duration.ofMinutes(90)));
    callbacks.claim(annual.id(), second.id(), "eve");
    at(CANCELLED);
    cancellations.cancel(leaving.id(), l.id(), new Canceller(leaving.admin(), Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.TOO_EXPENSIVE, null));

    at(READ);
    MrrPoint after = november(metrics.mrr());
    // 5 × €10 a month, plus 3 × €100 a year as a twelfth; the cancelled one no longer counts.
    assertThat(after.mrr().minor() - before.mrr().minor()).isEqualTo(5 * 1000 + 3 * 10_000 / 12);
    assertThat(after.activeSubscriptions() - before.activeSubscriptions()).isEqualTo(2);
    assertThat(after.measuredOn()).isEqualTo(MONDAY.plusDays(4));
    assertThat(metrics.cancellations().get(11).count("TOO_EXPENSIVE") - cancelledBefore).isEqualTo(1);
    CallbackWeek week = metrics.callbacks().get(11);
    assertThat(week.monday()).isEqualTo(MONDAY);
    assertThat(week.requests()).isEqualTo(3);
    assertThat(week.called()).isEqualTo(2);
    assertThat(week.medianToFirstCall()).isEqualTo(Duration.ofMinutes(60));

    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    var me = user(accounts.loadUserByUsername(operator));
    String callbacksJson = mvc.perform(get("/api/v1/operator/metrics/callbacks").with(me)).andReturn().getResponse()
        .getContentAsString();
    assertThat(JsonPath.<Integer>read(callbacksJson, "$.weeks[11].medianMinutesToFirstCall")).isEqualTo(60);
    assertThat(JsonPath.<String>read(callbacksJson, "$.weeks[11].weekStart")).isEqualTo(MONDAY.toString());
    String cancelledJson = mvc.perform(get("/api/v1/operator/metrics/cancellations").with(me)).andReturn().getResponse()
        .getContentAsString();
    assertThat(JsonPath.<String>read(cancelledJson, "$.months[11].month")).isEqualTo(YearMonth.from(MONDAY.plusDays(4)).toString());
    assertThat(JsonPath.<Integer>read(cancelledJson, "$.months[11].byReason.TOO_EXPENSIVE")).isGreaterThanOrEqualTo(1);
    String mrrJson = mvc.perform(get("/api/v1/operator/metrics/mrr").with(me)).andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<List<Integer>>read(mrrJson, "$.series[?(@.currency=='EUR')].points[11].mrr.amountMinor"))
        .containsExactly((int) after.mrr().minor());

    Document fr = Jsoup.parse(mvc.perform(get("/operator/charts").header("Accept-Language", "fr-FR").with(me))
        .andReturn().getResponse().getContentAsString());
    assertThat(fr.select("#chart-mrr-EUR figcaption").text()).isEqualTo("Revenu mensuel récurrent (EUR)");
    YearMonth now = YearMonth.from(MONDAY.plusDays(4));
    assertThat(fr.select("#chart-mrr-EUR svg text.x-label tspan:first-child").eachText())
        .hasSize(12).endsWith(monthShort(now, Locale.FRANCE)).startsWith(monthShort(now.minusMonths(11), Locale.FRANCE));
    assertThat(fr.select("#chart-mrr-EUR svg text.x-label tspan:nth-child(2)").eachText())
        .startsWith(String.valueOf(now.minusMonths(11).getYear())).hasSize(now.getMonthValue() == 12 ? 1 : 2);
    assertThat(fr.select("#chart-mrr-EUR svg path").attr("d")).startsWith("M");
    assertThat(fr.select("#chart-cancellations .legend li").eachText()).contains("Trop cher");
    assertThat(fr.select("#chart-callbacks table tbody tr").last().text())
        .startsWith(java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.FRANCE).format(MONDAY)).contains("60 minutes");
    Document zh = Jsoup.parse(mvc.perform(get("/operator/charts").header("Accept-Language", "zh-CN").with(me))
        .andReturn().getResponse().getContentAsString());
    assertThat(zh.select("#chart-mrr-EUR svg text.x-label tspan:first-child").eachText())
        .endsWith(now.getMonthValue() + "月");
    assertThat(zh.select("#chart-mrr-EUR svg text.x-label tspan:nth-child(2)").eachText())
        .startsWith(now.minusMonths(11).getYear() + "年");
    assertThat(zh.select("#chart-mrr-EUR table tbody tr").last().text()).startsWith(now.getYear() + "年" + now.getMonthValue() + "月");
    assertThat(zh.select("#chart-first-call svg").attr("aria-label")).contains("回电请求");
  }
}
