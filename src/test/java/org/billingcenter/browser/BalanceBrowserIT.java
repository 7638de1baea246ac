package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DemoJourney;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18, pay your balance, in real Chromium on the demo data: Alder Studio buys with a card that
 * declines, so the billing run leaves an overdue invoice; the banner on Your products leads to the
 * balance page, a new card pays it through the confirmation, and the banner is gone. In English,
 * then a day later in French.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalanceBrowserIT extends DemoJourney {

  static final Path SHOTS = Path.of("docs/screenshots");

  @Autowired BillingRunService billingRuns;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenants;
  @Autowired BalanceService balances;
  @Autowired LocalFormats formats;

  @Test
  @Order(10)
  void the_banner_leads_to_paying_the_overdue_balance_with_a_new_card_in_english() throws Exception {
    payWithANewCard("en", Locale.forLanguageTag("en-IE"), "Your bank declined the card.", "Thank you, your balance is paid");
  }

  @Test
  @Order(20)
  void the_banner_leads_to_paying_the_overdue_balance_with_a_new_card_in_french() throws Exception {
    travelTo(LocalDate.of(2026, 3, 11));
    payWithANewCard("fr-FR", Locale.forLanguageTag("fr-FR"), "Votre banque a refusé la carte.", "Merci, votre solde est réglé");
  }

  private void payWithANewCard(String language, Locale locale, String reason, String paid) throws Exception {
    TenantId alder = tenants.findByName("Alder Studio").get(0).id();
    PaymentMethodId declining = tenants.addPaymentMethod(alder, new NewPaymentMethod(
        "tok_chargeDeclined_" + UUID.randomUUID().toString().substring(0, 8), "Mastercard", "0002", 12, 2030), "test").id();
    tenants.makeDefaultPaymentMethod(alder, declining, "test");
    String plan = subscriptions.list(alder).get(0).subscription().planId();
    Subscription bought = subscriptions.purchase(alder, plan, 1, declining, "test");
    billingRuns.run(tenants.today(alder));
    Money overdue = balances.balance(alder).overdue();
    assertThat(overdue).as("the declined collection is overdue").isNotNull();

    Browser b = browser().signIn("alder-admin", language).go("/billing/products");
    b.waitForText("#balance-banner", same(formats.money(overdue, locale)).split(" ")[0]);
    assertThat(same(b.find("#balance-banner").getText())).contains(same(formats.money(overdue, locale)));
    b.click("#balance-pay-now");

    assertThat(b.path()).isEqualTo("/billing/balance");
    assertThat(b.find("#overdue-total").getAttribute("data-minor")).isEqualTo(String.valueOf(overdue.minor()));
    assertThat(b.find("#overdue-invoices tbody .decline").getText()).isEqualTo(reason);
    assertThat(b.seriousAccessibilityViolations()).isEmpty();
    b.screenshot(SHOTS.resolve("balance-" + language + ".png"));

    b.find("#token").sendKeys("tok_visa");
    b.find("#brand").sendKeys("Visa");
    b.find("#last4").sendKeys("4242");
    b.find("#expiryMonth").sendKeys("11");
    b.find("#expiryYear").sendKeys("2031");
    b.clickAndLeave("#continue-new-card");
    assertThat(same(b.find("#charge").getText())).startsWith(same(formats.money(overdue, locale))).contains("Visa •••• 4242");
    b.click("#confirmed");
    b.clickAndLeave("#confirm-payment");

    assertThat(b.find("#outcome").getAttribute("data-outcome")).isEqualTo("PAID");
    assertThat(b.find("#outcome").getText()).isEqualTo(paid);
    b.screenshot(SHOTS.resolve("balance-paid-" + language + ".png"));
    assertThat(balances.balance(alder).behind()).isFalse();
    PaymentMethodId card = tenants.defaultPaymentMethod(alder).orElseThrow();
    assertThat(card).isNotEqualTo(declining);
    assertThat(subscriptions.get(alder, bought.id()).subscription().paymentMethod()).isEqualTo(card);

    b.go("/billing/products");
    // The placeholder asks for the banner on load and, nothing being overdue, is swapped for nothing.
    long left = -1;
    for (int i = 0; i < 100 && left != 0; i++) {
      Thread.sleep(100);
      left = b.number("return document.querySelectorAll('.balance-banner-slot, #balance-banner').length");
    }
    assertThat(left).as("the banner slot and banner left on Your products").isZero();
    assertThat(b.all("#products tbody tr")).isNotEmpty();
  }

  private void travelTo(LocalDate day) {
    Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
    clock.set(target);
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
