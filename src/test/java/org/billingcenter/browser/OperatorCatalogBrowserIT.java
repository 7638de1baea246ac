package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, item 6, in real Chromium on the demo data (seeded 10 March 2026): the operator raises
 * Beacon Workspace monthly from 12.50 to 14.00 for purchases from 20 March. With 30 days' notice
 * from 10 March (to 9 April), Alder's subscription (anchored 10 March) keeps 12.50 for its period
 * under way, past the effective date, and pays 14.00 from its renewal of 10 April, as the preview
 * said. Then the operator retires a plan, in French.
 */
class OperatorCatalogBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired BillingRunService billingRuns;
  @Autowired TenantService tenants;
  @Autowired JdbcClient jdbc;
  @Autowired LocalFormats formats;

  /** A date as the page shows it, with any kind of space as a plain one (JDK versions differ). */
  private String date(String iso, String language) {
    return same(formats.date(LocalDate.parse(iso), Locale.forLanguageTag(language)));
  }

  private static String same(String text) {
    return text.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  @Test
  void the_operator_changes_a_price_with_notice_and_existing_subscriptions_keep_theirs_until_renewal() throws Exception {
    TenantId alder = tenants.findByName("Alder Studio").get(0).id();
    Browser b = browser().signIn("operator", "en");

    b.go("/operator/catalog?q=beacon");
    assertThat(b.find("tr[data-plan-id=beacon-monthly]").getText()).contains("€12.50").contains("On sale");
    b.screenshot(SHOTS.resolve("operator-catalog-en.png"));
    b.clickAndLeave("#price-beacon-monthly");
    assertThat(b.find("#current-price").getText()).contains("1250");
    b.find("#unitPriceMinor").sendKeys("1400");
    b.number("document.getElementById('effectiveFrom').value = '2026-03-20'; return 0;");
    b.screenshot(SHOTS.resolve("operator-catalog-price-en.png"));
    b.clickAndLeave("#preview-price");

    assertThat(b.find("#preview-new").getText()).contains("€14.00");
    assertThat(same(b.find("#preview-existing").getText())).contains(date("2026-04-09", "en"));
    assertThat(b.find("#preview-affected").getText()).startsWith("1 active subscription keeps its price");
    assertThat(b.find("#renewal-groups tr[data-on='2026-04-10']").getText()).endsWith("1");
    b.screenshot(SHOTS.resolve("operator-catalog-preview-en.png"));
    assertThat(b.seriousAccessibilityViolations()).as(b.path()).isEmpty();
    b.clickAndLeave("#confirm-price");

    assertThat(b.find(".notice").getText()).isEqualTo("The price change is scheduled.");
    assertThat(same(b.find("tr[data-plan-id=beacon-monthly] .scheduled").getText()))
        .contains("€14.00").contains(date("2026-03-20", "en")).contains(date("2026-04-09", "en"));
    assertThat(b.seriousAccessibilityViolations()).as(b.path()).isEmpty();

    // Alder keeps 12.50 for the period under way, past the effective date, and pays 14.00 from its
    // first renewal after the notice (10 April), as the preview said; its March charge never moves.
    runBillingOn(LocalDate.of(2026, 3, 25));
    assertThat(beaconPriceOf(alder, LocalDate.of(2026, 3, 10))).isEqualTo(1250);
    runBillingOn(LocalDate.of(2026, 4, 10));
    assertThat(beaconPriceOf(alder, LocalDate.of(2026, 3, 10))).isEqualTo(1250);
    assertThat(beaconPriceOf(alder, LocalDate.of(2026, 4, 10))).isEqualTo(1400);
    b.go("/operator/catalog?q=beacon");
    assertThat(b.find("tr[data-plan-id=beacon-monthly]").getText()).contains("€14.00").contains("None");

    b.go("/operator/catalog/beacon-premium-annual/retirement");
    b.screenshot(SHOTS.resolve("operator-catalog-retire-en.png"));
  }

  @Test
  void the_operator_retires_a_plan_and_puts_it_on_sale_again_in_french() throws Exception {
    Browser b = browser().signIn("operator", "fr-FR");
    b.go("/operator/catalog");
    b.screenshot(SHOTS.resolve("operator-catalog-fr-FR.png"));
    b.clickAndLeave("#price-harbor-monthly");
    b.find("#unitPriceMinor").sendKeys("450");
    b.number("document.getElementById('effectiveFrom').value = '2026-07-01'; return 0;");
    b.screenshot(SHOTS.resolve("operator-catalog-price-fr-FR.png"));
    b.clickAndLeave("#preview-price");
    assertThat(same(b.find("#preview-existing").getText())).contains(date("2026-07-01", "fr-FR"));
    b.screenshot(SHOTS.resolve("operator-catalog-preview-fr-FR.png"));

    b.go("/operator/catalog/beacon-premium-annual/retirement");
    b.screenshot(SHOTS.resolve("operator-catalog-retire-fr-FR.png"));
    b.clickAndLeave("#confirm-retire");
    assertThat(b.find(".notice").getText()).contains("retiré de la vente");
    assertThat(b.find("tr[data-plan-id=beacon-premium-annual]").getText()).contains("Retiré de la vente");
    b.clickAndLeave("#retire-beacon-premium-annual");
    b.clickAndLeave("#confirm-unretire");
    assertThat(b.find("tr[data-plan-id=beacon-premium-annual]").getText()).contains("En vente");
  }

  private void runBillingOn(LocalDate day) {
    clock.set(Instant.parse(day + "T09:00:00Z"));
    billingRuns.run(day);
  }

  private long beaconPriceOf(TenantId tenant, LocalDate periodStart) {
    return jdbc.sql("""
            select l.unit_price_minor from invoice_line l join subscription s
              on s.tenant_id = l.tenant_id and s.subscription_id = l.subscription_id
             where l.tenant_id = :t and s.plan_id = 'beacon-monthly' and l.kind = 'CHARGE' and l.charge_period_start = :p
            """)
        .param("t", tenant.value()).param("p", periodStart).query(Long.class).single();
  }
}
