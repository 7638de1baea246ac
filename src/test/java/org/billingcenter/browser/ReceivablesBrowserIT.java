package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.payment.DunningRun;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18 (receivables) in real Chromium on the demo data: Alder Studio's and Birch Logistics'
 * default cards decline from the renewals of 10 April; dunning runs every day; Birch pays its balance
 * with a good card on 20 April, Alder never pays. On 25 May the operator reads the receivables page
 * (Alder behind, Birch's payment recovered in April, Alder's April invoice lost in May), searches it,
 * in English and Bulgarian, with screenshots.
 */
class ReceivablesBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired TenantService tenants;
  @Autowired BillingRunService billingRuns;
  @Autowired DunningRun dunning;
  @Autowired BalanceService balances;

  private void at(LocalDate day) {
    clock.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  private PaymentMethodId card(TenantId tenant, String token) {
    return tenants.addPaymentMethod(tenant, new NewPaymentMethod(token, "Visa", "0002", 12, 2035), "operator").id();
  }

  @Test
  void the_operator_reads_overdue_money_by_age_and_recovered_against_lost_in_english_and_bulgarian() throws Exception {
    TenantId alder = tenants.findByName("Alder Studio").get(0).id();
    TenantId birch = tenants.findByName("Birch Logistics").get(0).id();
    tenants.makeDefaultPaymentMethod(alder, card(alder, "tok_chargeDeclined_alder"), "alder-admin");
    tenants.makeDefaultPaymentMethod(birch, card(birch, "tok_chargeDeclined_birch"), "birch-admin");
    for (LocalDate day = LocalDate.of(2026, 4, 10); !day.isAfter(LocalDate.of(2026, 5, 25)); day = day.plusDays(1)) {
      at(day);
      if (day.getDayOfMonth() == 10) {
        billingRuns.run(day);
      }
      if (day.equals(LocalDate.of(2026, 4, 20))) {
        assertThat(balances.pay(birch, card(birch, "tok_visa_birch"), "birch-admin").paid()).isNotNull();
      }
      dunning.run(day);
    }

    Browser b = browser().signIn("operator", "en").go("/operator/receivables");
    b.size(1280, 2400);
    assertThat(b.find("h1").getText()).isEqualTo("Overdue money");
    assertThat(b.find("#ages tr[data-currency=EUR]").getText()).startsWith("EUR");
    assertThat(b.find("#organisations tbody tr").getText()).contains("Alder Studio").contains("Given up (uncollectible)");
    assertThat(b.text()).doesNotContain("Birch Logistics");
    assertThat(b.find("#months-EUR tr[data-month='2026-04'] td.recovered").getText()).isNotEqualTo("€0.00");
    assertThat(b.find("#months-EUR tr[data-month='2026-05'] td.lost").getText()).isNotEqualTo("€0.00");
    assertThat(b.find("#schedule").getText()).contains("1, 3, 5, 7, 14, 21, and 30");
    b.screenshot(SHOTS.resolve("operator-receivables-en.png"));
    assertThat(b.seriousAccessibilityViolations()).isEmpty();

    b.find("#q").sendKeys("nobody by this name");
    b.click("#search-submit");
    b.waitForText("#organisations-count", "No organisation is behind.");
    b.go("/operator/receivables?q=alder");
    b.find("#organisations tbody tr a").click();
    assertThat(b.path()).isEqualTo("/operator/organisations/" + alder.value());

    b.signIn("operator", "bg-BG").go("/operator/receivables");
    assertThat(b.find("h1").getText()).isEqualTo("Просрочени суми");
    assertThat(b.find("#organisations tbody tr td.state").getText()).isEqualTo("Преустановено (несъбираемо)");
    b.screenshot(SHOTS.resolve("operator-receivables-bg.png"));
  }
}
