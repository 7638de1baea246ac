package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
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
 * Issue 13, item 2, in real Chromium on the demo data: Alder Studio's Fieldbook Planner, cancelled at
 * its term end, is undone from its details page (in French) and renews again; its Beacon Workspace,
 * cancelled now, is reactivated five days later from the products menu through the preview and the
 * confirmation (in Danish), and its first charge is on that day's invoice as the preview said.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndoReactivateBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");
  static final Locale FR = Locale.forLanguageTag("fr-FR");
  static final Locale DA = Locale.forLanguageTag("da-DK");
  static final Canceller ALDER_ADMIN = new Canceller("alder-admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired TenantService tenants;
  @Autowired CatalogService catalog;
  @Autowired LocalFormats formats;

  @Test
  @Order(10)
  void an_end_of_term_cancellation_is_undone_from_the_details_page_in_french() throws Exception {
    Subscription fieldbook = alder("Fieldbook Planner");
    cancellations.cancel(fieldbook.tenant(), fieldbook.id(), ALDER_ADMIN,
        new CancellationService.Request(CancelWhen.END_OF_TERM, LeavingReason.OTHER, null));
    LocalDate endsOn = fieldbook.currentPeriod().endExclusive();

    Browser b = browser().signIn("alder-admin", "fr-FR").go(details(fieldbook));
    assertThat(same(b.find("#ending-text").getText()))
        .startsWith(same("Cet abonnement se termine le " + formats.date(endsOn, FR) + "."))
        .contains(same("Jusqu’au " + formats.date(endsOn.minusDays(1), FR) + ", vous pouvez annuler la résiliation"))
        .endsWith(same("renouvelé le " + formats.date(endsOn, FR) + " comme prévu."));
    scrollTo(b, "#ending-panel");
    b.screenshot(SHOTS.resolve("undo-panel-fr-FR.png"));
    b.click("#undo-cancellation");

    assertThat(same(b.find(".notice").getText())).isEqualTo(same("La résiliation est annulée : l’abonnement sera renouvelé comme prévu."));
    assertThat(b.all("#ending-panel")).isEmpty();
    assertThat(same(b.find("#settings-actions").getText()))
        .contains(same("La facturation récurrente est activée : l’abonnement se renouvelle à la fin de chaque période."));
    Subscription after = alder("Fieldbook Planner");
    assertThat(after.isEnding()).isFalse();
    assertThat(after.autoRenew()).isTrue();
    b.screenshot(SHOTS.resolve("undo-done-fr-FR.png"));
  }

  @Test
  @Order(20)
  void a_disabled_subscription_is_reactivated_through_preview_and_confirmation_in_danish() throws Exception {
    Subscription beacon = alder("Beacon Workspace");
    cancellations.cancel(beacon.tenant(), beacon.id(), ALDER_ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    LocalDate disabledOn = tenants.today(beacon.tenant());
    travelTo(disabledOn.plusDays(5));
    LocalDate today = tenants.today(beacon.tenant());
    Money charge = catalog.plan(beacon.planId()).unitPrice().times(beacon.quantity());

    Browser b = browser().signIn("alder-admin", "da-DK").go(details(beacon));
    assertThat(same(b.find("#reactivation-panel #ended-since").getText()))
        .isEqualTo(same("Dette abonnement blev deaktiveret den " + formats.date(disabledOn, DA) + ". Adgangen er ophørt; dataene gemmes indtil videre."));
    assertThat(same(b.find("#ended-next").getText()))
        .isEqualTo(same("Hvis det ikke genaktiveres, slettes dataene den " + formats.date(disabledOn.plusDays(90), DA) + "."));
    scrollTo(b, "#reactivation-panel");
    b.screenshot(SHOTS.resolve("reactivate-panel-da-DK.png"));

    fromProductMenu(b, "Beacon Workspace", "Genaktivér");
    assertThat(same(b.find("#first-charge").getText()))
        .isEqualTo(same("5 licenser × " + formats.money(catalog.plan(beacon.planId()).unitPrice(), DA) + " = " + formats.money(charge, DA)));
    assertThat(same(b.find("#invoiced-on").getText())).isEqualTo(same(formats.date(today, DA)));
    assertThat(b.find("#access").getText()).startsWith("Ingen licenser er tildelt længere");
    String shown = b.find("#first-charge").getAttribute("data-minor");
    assertThat(shown).isEqualTo(String.valueOf(charge.minor()));
    b.screenshot(SHOTS.resolve("reactivate-preview-da-DK.png"));
    b.click("#continue-on-file");
    assertThat(same(b.find("#outcome").getText())).startsWith(same(formats.money(charge, DA) + " opkræves i dag"));
    b.click("#confirmed");
    b.screenshot(SHOTS.resolve("reactivate-confirm-da-DK.png"));
    b.click("#confirm-reactivation");

    assertThat(same(b.find("#done").getText())).startsWith("Beacon Workspace er aktivt igen.").contains(same(formats.money(charge, DA)));
    assertThat(b.find("#status").getText()).isEqualTo("Aktiv");
    b.screenshot(SHOTS.resolve("reactivate-done-da-DK.png"));
    assertThat(alder("Beacon Workspace").status()).isEqualTo(SubscriptionStatus.ACTIVE);

    billingRuns.run(today);
    b.go("/billing/invoices");
    assertThat(lineTexts(b, today, "CHARGE")).anySatisfy(line -> assertThat(same(line))
        .contains(same("5 × " + formats.money(catalog.plan(beacon.planId()).unitPrice(), DA)))
        .endsWith(same(formats.money(charge, DA))));
    scrollTo(b, invoice(today));
    b.screenshot(SHOTS.resolve("reactivate-invoice-da-DK.png"));
  }

  private Subscription alder(String product) {
    return subscriptions.list(tenants.findByName("Alder Studio").get(0).id()).stream()
        .filter(s -> s.productName().equals(product)).findFirst().orElseThrow().subscription();
  }

  private static String details(Subscription s) {
    return "/billing/subscriptions/" + s.id();
  }

  private void travelTo(LocalDate day) {
    Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
    clock.set(target);
  }

  private static List<String> lineTexts(Browser b, LocalDate date, String kind) {
    assertThat(b.all(invoice(date))).as("an invoice of " + date).hasSize(1);
    return b.all(invoice(date) + " tr[data-kind=" + kind + "]").stream().map(WebElement::getText).toList();
  }

  private static void scrollTo(Browser b, String css) {
    b.number("document.querySelector(\"" + css + "\").scrollIntoView(); return 0;");
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
