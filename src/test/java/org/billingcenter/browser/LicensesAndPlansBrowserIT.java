package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.Proration;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's journeys in real Chromium against the real server and the demo data, with time travel:
 * the demo data is seeded on 10 March 2026, then the clock moves forward and the billing run of the
 * date a page announced is run, so what a preview promised is checked on the invoice it named.
 *
 * <p>The clock only moves forward. Alder Studio's three monthly subscriptions renew together on the
 * 10th, so Alder's next invoice is always the next 10th; each Alder journey works in a period of its
 * own and ends with the run of the invoice it looks at. Birch Logistics (annual, 250 members, 180 of
 * 200 licenses assigned) serves the assignment journeys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensesAndPlansBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");
  /** The locales pages format in: an English page of an Irish organisation reads en-IE ("10 Apr 2026"). */
  static final Locale EN_IE = Locale.forLanguageTag("en-IE");
  static final Locale FR = Locale.forLanguageTag("fr-FR");
  static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");
  static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired CatalogService catalog;
  @Autowired LocalFormats formats;

  // ------------------------------------------------------------------ quantity

  /** Issue 12, item 1: licenses bought now are charged, prorated, on the next invoice (Fieldbook: 30 → 35). */
  @Test
  @Order(10)
  void five_licenses_bought_now_are_charged_on_the_next_invoice_in_simplified_chinese() throws Exception {
    Subscription fieldbook = alder("Fieldbook Planner");
    LocalDate invoiceOn = fieldbook.currentPeriod().endExclusive();
    Money unitPrice = catalog.plan("fieldbook-monthly").unitPrice();
    Money charge = Proration.forRemainingDays(unitPrice, 5, fieldbook.currentPeriod(), today(fieldbook));

    Browser b = browser().signIn("alder-admin", "zh-CN").go(details(fieldbook));
    b.click("#buy-licenses");
    assertThat(b.find("#current").getText()).isEqualTo("已购买 30 个许可证，已分配 24 个。");
    b.find("#count").sendKeys("5");
    assertThat(b.find("input[name=when][value=NOW]").isSelected()).isTrue();
    b.click("main form[method=get] button[type=submit]");
    assertThat(b.find("#preview").getAttribute("data-when")).isEqualTo("NOW");
    assertThat(b.find("#total").getText()).isEqualTo("35");
    assertThat(same(b.find("#amount").getText())).isEqualTo(same(formats.money(charge, ZH_CN)));
    assertThat(same(b.find("#charged-on").getText())).isEqualTo(same(formats.date(invoiceOn, ZH_CN)));
    assertThat(b.find("#outcome").getText()).startsWith("立即添加 5 个许可证").endsWith("新总数：35。");
    String shown = b.find("#amount").getText();
    scrollTo(b, "#preview");
    b.screenshot(SHOTS.resolve("licenses-buy-preview-zh-CN.png"));
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-change");
    assertThat(b.find("#done").getText()).startsWith("立即添加 5 个许可证").contains(shown);
    assertThat(b.find("#current").getText()).isEqualTo("已购买 35 个许可证，已分配 24 个。");

    runBillingOn(invoiceOn);
    b.go("/billing/invoices");
    // Issue 16: a line names its product, the terms after the change and where it comes from.
    assertThat(lineTexts(invoiceOn, "ADJUSTMENT")).anySatisfy(line -> assertThat(same(line))
        .contains(same("35 × " + formats.money(unitPrice, ZH_CN))).contains("添加许可证")
        .endsWith(same(shown)));
    assertThat(lineTexts(invoiceOn, "CHARGE")).anySatisfy(line -> assertThat(same(line))
        .contains(same("35 × " + formats.money(unitPrice, ZH_CN))));
    scrollTo(b, invoice(invoiceOn));
    b.screenshot(SHOTS.resolve("licenses-buy-invoice-zh-CN.png"));
  }

  /** Issue 12, item 2: within 7 days of the renewal a reduction is immediate and its credit pending, then applied. */
  @Test
  @Order(20)
  void three_unassigned_licenses_removed_within_seven_days_come_back_as_a_credit_in_french() throws Exception {
    Subscription harbor = alder("Harbor Chat"); // renewed on the run of journey 1: day 0 of a period
    assertThat(today(harbor)).isBefore(harbor.currentPeriod().start().plusDays(7));
    LocalDate invoiceOn = harbor.currentPeriod().endExclusive();
    Money credit = Proration.forRemainingDays(catalog.plan("harbor-monthly").unitPrice(), 3, harbor.currentPeriod(),
        today(harbor));

    Browser b = browser().signIn("alder-admin", "fr-FR");
    fromProductMenu(b, "Harbor Chat", "Retirer des licences");
    assertThat(b.find("#current").getText()).isEqualTo("40 licences achetées, 25 attribuée(s).");
    b.find("#count").sendKeys("3");
    b.click("main form[method=get] button[type=submit]");
    assertThat(b.find("#preview").getAttribute("data-when")).isEqualTo("NOW");
    assertThat(b.find("#total").getText()).isEqualTo("37");
    assertThat(same(b.find("#amount").getText())).isEqualTo(same(formats.money(credit, FR)));
    assertThat(same(b.find("#charged-on").getText())).isEqualTo(same(formats.date(invoiceOn, FR)));
    assertThat(same(b.find("#outcome").getText())).startsWith("3 licences sont supprimées dès maintenant :");
    String shown = b.find("#amount").getText();
    scrollTo(b, "#preview");
    b.screenshot(SHOTS.resolve("licenses-remove-preview-fr-FR.png"));
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-change");
    assertThat(same(b.find("#done").getText())).startsWith("3 licences sont supprimées dès maintenant").contains(same(shown));
    assertThat(b.find("#current").getText()).isEqualTo("37 licences achetées, 25 attribuée(s).");

    b.go("/billing/invoices");
    assertThat(same(creditRow(shown).getText())).contains("En attente").contains(same(formats.date(invoiceOn, FR)));
    b.screenshot(SHOTS.resolve("licenses-remove-credit-pending-fr-FR.png"));
    runBillingOn(invoiceOn);
    b.go("/billing/invoices");
    assertThat(creditRow(shown).getText()).contains("Imputé sur une facture");
    assertThat(lineTexts(invoiceOn, "CREDIT")).anySatisfy(line -> assertThat(same(line))
        .contains("Harbor Chat").contains("Licences retirées")
        .endsWith(same(formats.money(credit.negate(), FR))));
    assertThat(lineTexts(invoiceOn, "CHARGE")).anySatisfy(line -> assertThat(same(line))
        .contains(same("37 × " + formats.money(catalog.plan("harbor-monthly").unitPrice(), FR))));
    scrollTo(b, invoice(invoiceOn));
    b.screenshot(SHOTS.resolve("licenses-remove-credit-applied-fr-FR.png"));
  }

  /** Issue 12, item 2: after 7 days a reduction waits for the renewal, shows as scheduled, and the run applies it. */
  @Test
  @Order(50)
  void a_reduction_after_seven_days_is_scheduled_and_applied_by_the_renewal_run() throws Exception {
    Subscription harbor = alder("Harbor Chat");
    travelTo(harbor.currentPeriod().start().plusDays(9));
    LocalDate renewal = harbor.currentPeriod().endExclusive();
    int before = harbor.quantity();

    Browser b = browser().signIn("alder-admin", "en").go(details(harbor));
    b.click("#remove-licenses");
    b.find("#count").sendKeys("5");
    b.click("main form[method=get] button[type=submit]");
    assertThat(b.find("#preview").getAttribute("data-when")).isEqualTo("AT_RENEWAL");
    assertThat(same(b.find("#outcome").getText())).isEqualTo(same("5 licenses are removed at the renewal on "
        + formats.longDate(renewal, EN_IE) + ". New total from then: " + (before - 5) + ". You can withdraw the change until then."));
    assertThat(b.all("#amount")).isEmpty();
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-change");
    assertThat(b.find("#current").getText()).isEqualTo(before + " licenses bought, 25 assigned.");

    b.go(details(harbor));
    assertThat(same(b.find("#scheduled-changes li[data-kind=QUANTITY]").getText()))
        .startsWith(same("From " + formats.date(renewal, EN_IE) + ": " + (before - 5) + " licenses"));
    scrollTo(b, "#scheduled-changes");
    b.screenshot(SHOTS.resolve("licenses-reduction-scheduled-en.png"));

    runBillingOn(renewal);
    b.go(details(harbor));
    assertThat(b.all("#scheduled-changes")).isEmpty();
    assertThat(b.find("#facts").getText()).contains("25 of " + (before - 5) + " assigned");
    b.go("/billing/invoices");
    assertThat(lineTexts(renewal, "CHARGE")).anySatisfy(line -> assertThat(same(line))
        .contains(same((before - 5) + " × " + formats.money(catalog.plan("harbor-monthly").unitPrice(), EN_IE))));
    scrollTo(b, invoice(renewal));
    b.screenshot(SHOTS.resolve("licenses-reduction-applied-en.png"));
  }

  // ------------------------------------------------------------------ assignment

  /** Issue 12, item 5: Birch buys 10 (30 free), finds 30 members ("sen": Jensen, Andersen 2) and assigns them all. */
  @Test
  @Order(60)
  void thirty_members_found_by_a_search_get_licenses_with_select_all_in_bulgarian() throws Exception {
    Subscription beacon = birch();
    Browser b = browser().signIn("birch-admin", "bg-BG");
    buyThroughPages(b, beacon, 10);

    b.go(details(beacon));
    b.click("#assign-licenses");
    b.find("#q").sendKeys("sen"); // no Enter: htmx searches as the admin types
    b.waitForText("#candidates-heading", "„sen“");
    assertThat(b.find("#candidates-heading").getText()).isEqualTo("30 потребители без лиценз отговарят на „sen“");
    assertThat(b.find("#free-count").getText()).isEqualTo("30 лиценза са свободни.");
    assertThat(b.all("#shortfall")).isEmpty();
    b.screenshot(SHOTS.resolve("licenses-assign-search-bg-BG.png"));
    b.click("#assign-all");
    assertThat(b.find(".notice").getText()).isEqualTo("Разпределени са 30 лиценза.");
    assertThat(b.find("#assigned-count").getText()).isEqualTo("Разпределени: 210 от 210 лиценза");
    assertThat(b.all("#candidates-none")).hasSize(1);
    b.screenshot(SHOTS.resolve("licenses-assign-done-bg-BG.png"));
  }

  /** Issue 12, item 5: 20 members to assign and none free: the page says 20 missing, buys exactly 20, then assigns. */
  @Test
  @Order(70)
  void the_not_enough_licenses_shortcut_buys_exactly_the_missing_number() throws Exception {
    Subscription beacon = birch();
    Browser b = browser().signIn("birch-admin", "en").go("/users?subscription=" + beacon.id() + "&q=Moreau");
    assertThat(b.find("#shortfall").getText()).contains("Assigning all 20 matching users needs 20 more licenses.");
    b.click("#assign-all");
    assertThat(b.find("#missing").getText()).contains("20 licenses missing.");
    assertThat(b.find("#buy-missing").getAttribute("href"))
        .endsWith("/billing/subscriptions/" + beacon.id() + "/buy-licenses?add=20");
    assertThat(b.find("#assigned-count").getText()).isEqualTo("210 of 210 licenses assigned");
    b.screenshot(SHOTS.resolve("licenses-missing-en.png"));

    b.click("#buy-missing");
    assertThat(b.find("#count").getAttribute("value")).isEqualTo("20");
    assertThat(b.find("#total").getText()).isEqualTo("230");
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-change");
    assertThat(b.find("#current").getText()).isEqualTo("230 licenses bought, 210 assigned.");

    b.go("/users?subscription=" + beacon.id() + "&q=Moreau");
    assertThat(b.all("#shortfall")).isEmpty();
    b.click("#assign-all");
    assertThat(b.find(".notice").getText()).isEqualTo("20 licenses assigned.");
    assertThat(b.find("#assigned-count").getText()).isEqualTo("230 of 230 licenses assigned");
    b.screenshot(SHOTS.resolve("licenses-missing-bought-and-assigned-en.png"));
  }

  // ------------------------------------------------------------------ plans

  /** Issue 12, items 7 and 9: a move to annual billing waits for the renewal, shows as scheduled and is withdrawn. */
  @Test
  @Order(30)
  void a_frequency_change_is_scheduled_for_the_renewal_and_withdrawn_on_the_details_page() throws Exception {
    Subscription harbor = alder("Harbor Chat");
    Browser b = browser().signIn("alder-admin", "en").go(details(harbor));
    b.click("#change-frequency");
    assertThat(b.find("#from-to").getText()).isEqualTo("Monthly billing becomes annual billing at the renewal.");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("AT_RENEWAL");
    assertThat(b.all("#prorated-lines")).isEmpty();
    b.click("#continue");
    b.click("#confirm-change");
    assertThat(b.find("#done").getText()).startsWith("Your subscription moves to Harbor Chat at its renewal on");

    b.go(details(harbor));
    assertThat(same(b.find("#scheduled-changes li[data-kind=PLAN]").getText()))
        .startsWith(same("From " + formats.date(harbor.currentPeriod().endExclusive(), EN_IE) + ": Harbor Chat · Annual"));
    scrollTo(b, "#scheduled-changes");
    b.screenshot(SHOTS.resolve("plan-frequency-scheduled-en.png"));
    b.click("#scheduled-changes li[data-kind=PLAN] button.withdraw");
    assertThat(b.find(".notice").getText()).isEqualTo("The scheduled change was withdrawn: nothing changes at the renewal.");
    assertThat(b.all("#scheduled-changes")).isEmpty();
    assertThat(subscriptions.pendingChanges(harbor.tenant(), harbor.id())).isEmpty();
  }

  /** Issue 12, item 7: an upgrade mid-period credits the old plan and charges the new one on the next invoice. */
  @Test
  @Order(40)
  void an_upgrade_mid_period_puts_both_prorated_lines_on_the_next_invoice_in_traditional_chinese() throws Exception {
    Subscription beacon = alder("Beacon Workspace");
    travelTo(beacon.currentPeriod().start().plusDays(10));
    LocalDate invoiceOn = beacon.currentPeriod().endExclusive();
    Money premium = catalog.plan("beacon-premium-monthly").unitPrice();
    Money credit = Proration.forRemainingDays(catalog.plan("beacon-monthly").unitPrice(), 5, beacon.currentPeriod(),
        today(beacon));
    Money charge = Proration.forRemainingDays(premium, 5, beacon.currentPeriod(), today(beacon));

    Browser b = browser().signIn("alder-admin", "zh-TW").go(details(beacon));
    b.click("#change-plan");
    assertThat(b.find("#current-plan").getText()).startsWith("目前方案：Beacon Workspace，");
    b.click("input[name=planId][value=beacon-premium-monthly]");
    b.click("#preview");
    assertThat(b.find("#decision").getAttribute("data-when")).isEqualTo("NOW");
    assertThat(same(b.find("#credit").getText())).isEqualTo(same(formats.money(credit.negate(), ZH_TW)));
    assertThat(same(b.find("#charge").getText())).isEqualTo(same(formats.money(charge, ZH_TW)));
    assertThat(same(b.find("#prorated-lines").getText())).contains(same(formats.date(invoiceOn, ZH_TW)));
    String shownCredit = b.find("#credit").getText();
    String shownCharge = b.find("#charge").getText();
    scrollTo(b, "#decision");
    b.screenshot(SHOTS.resolve("plan-upgrade-preview-zh-TW.png"));
    b.click("#continue");
    b.click("#confirm-change");
    assertThat(b.find("#done").getText()).startsWith("您的訂閱現已使用 Beacon Workspace Premium。");
    assertThat(b.find("#current-plan").getText()).startsWith("目前方案：Beacon Workspace Premium，");

    runBillingOn(invoiceOn);
    b.go("/billing/invoices");
    assertThat(lineTexts(invoiceOn, "ADJUSTMENT")).anySatisfy(line -> assertThat(same(line))
        .contains(same("5 × " + formats.money(premium, ZH_TW))).contains("變更方案")
        .endsWith(same(shownCharge)));
    assertThat(lineTexts(invoiceOn, "CREDIT")).anySatisfy(line -> assertThat(same(line))
        .contains("變更方案")
        .endsWith(same(shownCredit)));
    assertThat(lineTexts(invoiceOn, "CHARGE")).anySatisfy(line -> assertThat(same(line))
        .contains(same("5 × " + formats.money(premium, ZH_TW))));
    scrollTo(b, invoice(invoiceOn));
    b.screenshot(SHOTS.resolve("plan-upgrade-invoice-zh-TW.png"));
  }

  /**
   * A prorated credit line says the terms after the change, as its charge line does ("now 5 × €22.00").
   * Journeys 2 and 6 leave such lines on Alder's invoices.
   */
  @Test
  @Order(90)
  void a_prorated_credit_line_names_the_terms_after_the_change() {
    Browser b = browser().signIn("alder-admin", "en").go("/billing/invoices");
    List<String> credits = b.all("tr[data-kind=CREDIT][data-source=LICENSE_REDUCTION], tr[data-kind=CREDIT][data-source=PLAN_CHANGE]")
        .stream().map(WebElement::getText).toList();
    assertThat(credits).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(line -> assertThat(same(line)).matches(".* \\d+ × €\\d+\\.\\d\\d .*-€\\d+\\.\\d\\d"));
  }

  // ------------------------------------------------------------------ helpers

  private Subscription alder(String product) {
    return subscription(tenants.findByName("Alder Studio").get(0).id(), product);
  }

  private Subscription birch() {
    return subscription(tenants.findByName("Birch Logistics").get(0).id(), "Beacon Workspace");
  }

  private Subscription subscription(TenantId tenant, String product) {
    return subscriptions.list(tenant).stream()
        .filter(s -> s.productName().equals(product))
        .map(SubscriptionSummary::subscription)
        .findFirst().orElseThrow(() -> new AssertionError("no " + product));
  }

  private LocalDate today(Subscription subscription) {
    return tenants.today(subscription.tenant());
  }

  private static String details(Subscription s) {
    return "/billing/subscriptions/" + s.id();
  }

  /** Moves the clock forward (never back) to 09:00 UTC of {@code day}. */
  private void travelTo(LocalDate day) {
    Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
    clock.set(target);
  }

  /** What the scheduler would do on that morning: the clock reaches the day, then its billing run. */
  private void runBillingOn(LocalDate day) {
    travelTo(day);
    billingRuns.run(day);
  }

  /** Buy licenses now through the pages, the way the users page's link does (add=N, NOW). */
  private static void buyThroughPages(Browser b, Subscription s, int add) {
    b.go(details(s) + "/buy-licenses?add=" + add);
    assertThat(b.find("#preview").getAttribute("data-when")).isEqualTo("NOW");
    b.click("#continue");
    b.click("#confirmed");
    b.click("#confirm-change");
    assertThat(b.all("#done")).hasSize(1);
  }

  /** The texts of the lines of one kind on the invoice of {@code date}, as the invoices page shows them. */
  private List<String> lineTexts(LocalDate date, String kind) {
    assertThat(browser().all(invoice(date))).as("an invoice of " + date).hasSize(1);
    return browser().all(invoice(date) + " tr[data-kind=" + kind + "]").stream().map(WebElement::getText).toList();
  }

  private WebElement creditRow(String amount) {
    return browser().all("#credits tbody tr").stream()
        .filter(tr -> same(tr.getText()).contains(same(amount)))
        .findFirst().orElseThrow(() -> new AssertionError("no credit of " + amount));
  }

  private static void scrollTo(Browser b, String css) {
    b.number("document.querySelector(\"" + css + "\").scrollIntoView(); return 0;");
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
