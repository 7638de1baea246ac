package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 13, item 3, in real Chromium on the demo data: Birch Logistics buys its annual Beacon
 * Workspace on 28 November 2026 (the demo is seeded that day), so its billing day is the 28th.
 * Cancelled the same day, the credit comes back on 28 December 2026, the next monthly billing date,
 * not on 28 November 2027 at the end of the annual period; the run of 27 December leaves it
 * pending, the run of 28 December returns it as a credit note and a refund.
 */
@TestPropertySource(properties = "billing.test.journey.seeded-at=2026-11-28T09:00:00Z")
class BillingCycleBrowserIT extends DemoJourney {

  static final LocalDate BILLING_DATE = LocalDate.of(2026, 12, 28);
  static final Path SHOTS = Path.of("docs/screenshots");
  static final Locale BG = Locale.forLanguageTag("bg-BG");

  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired LicensingService licensing;
  @Autowired TenantService tenants;
  @Autowired LocalFormats formats;

  @Test
  void birchs_annual_cancellation_returns_its_credit_on_the_next_monthly_billing_date_and_that_run_refunds_it()
      throws Exception {
    TenantId birch = tenants.findByName("Birch Logistics").get(0).id();
    Subscription beacon = beacon(birch);
    freeLicensesBelowTheThreshold(birch, beacon);
    String billingDate = same(formats.date(BILLING_DATE, BG));
    System.setProperty("SE_AVOID_STATS", "true");
    Browser b = browser().signIn("birch-admin", "bg-BG");

    b.go("/billing/subscriptions/" + beacon.id() + "/cancel");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("ALLOWED");
    assertThat(same(b.find("#decision").getText())).contains(billingDate).doesNotContain("2027");
    b.screenshot(SHOTS.resolve("billing-cycle-preview-bg-BG.png"));
    b.click("input[name=reason][value=TOO_EXPENSIVE]");
    b.clickAndLeave("#decision form button[type=submit]");
    assertThat(same(b.find(".warning").getText())).contains(billingDate);
    b.clickAndLeave("#confirm-cancel");
    assertThat(same(b.find("main").getText())).contains(billingDate);
    b.screenshot(SHOTS.resolve("billing-cycle-done-bg-BG.png"));

    b.go("/billing/invoices");
    assertThat(same(b.find("#billing-date").getText())).contains("28 число").contains(billingDate);
    assertThat(same(b.find("#credits tbody tr").getText())).contains(billingDate).contains("Предстои");
    b.screenshot(SHOTS.resolve("billing-cycle-credit-pending-bg-BG.png"));

    runBillingOn(BILLING_DATE.minusDays(1));
    b.go("/billing/invoices");
    assertThat(b.find("#credits tbody tr").getText()).contains("Предстои");
    assertThat(b.all("article.invoice[data-invoice-date='" + BILLING_DATE + "']")).isEmpty();

    runBillingOn(BILLING_DATE);
    b.go("/billing/invoices");
    assertThat(b.find("#credits tbody tr").getText()).contains("Възстановен");
    List<String> notes = b.all("article.invoice[data-invoice-date='" + BILLING_DATE + "'] h3").stream()
        .map(e -> e.getText()).toList();
    assertThat(notes).singleElement().satisfies(h -> assertThat(h).startsWith("Кредитно известие"));
    assertThat(b.all("article.invoice[data-invoice-date='" + BILLING_DATE + "'] tr[data-kind=REFUND]")).hasSize(1);
    assertThat(b.find("#refunds-heading").isDisplayed()).isTrue();
    b.screenshot(SHOTS.resolve("billing-cycle-credit-note-bg-BG.png"));

    b.signIn("birch-admin", "en").go("/billing/invoices");
    assertThat(same(b.find("#billing-date").getText())).contains("the 28th of each month");
    b.screenshot(SHOTS.resolve("billing-cycle-invoices-en.png"));
  }

  /**
   * Birch has 180 of 200 licenses assigned, so it could only cancel with support's help; the journey
   * is about the credit's date, so the test takes licenses back from all but 24 members first.
   */
  private void freeLicensesBelowTheThreshold(TenantId birch, Subscription beacon) {
    List<MemberId> assigned = licensing.assignedMembers(birch, beacon.id());
    licensing.unassign(birch, beacon.id(), assigned.subList(24, assigned.size()), "test");
  }

  private Subscription beacon(TenantId tenant) {
    return subscriptions.list(tenant).stream()
        .filter(s -> s.productName().equals("Beacon Workspace"))
        .map(SubscriptionSummary::subscription)
        .findFirst().orElseThrow();
  }

  /** What the scheduler would do on that morning: the clock reaches the day, then its billing run. */
  private void runBillingOn(LocalDate day) {
    clock.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    billingRuns.run(day);
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
