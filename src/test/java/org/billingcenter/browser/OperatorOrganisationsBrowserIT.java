package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceFilter;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17 in real Chromium: the operator opens an organisation (the form shows a wrong country
 * first), opens it, suspends another organisation whose API key is then refused (401), and resumes
 * it (the key works again). Then, from an organisation's page, the operator opens an invoice the
 * day's billing run issued and voids it through the preview, with a reason and the confirmation;
 * the invoice then shows the status Void (once in English, once, another organisation's, in French).
 * Screenshots of the list, one organisation, the open form, the suspension page, an invoice and its
 * void preview in English and French. A tiny key cache TTL stands for "within the TTL".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "billing-center.api-keys.cache-ttl=50ms")
class OperatorOrganisationsBrowserIT extends DatabaseIT {

  static final Path SHOTS = Path.of("docs/screenshots");
  static final String PASSWORD = "operator-orgs-phrase-17";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired ApiKeyService keys;
  @Autowired TransactionTemplate transaction;
  @Autowired BillingRunService runs;
  @Autowired BillingService billing;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void the_operator_opens_an_organisation_and_suspends_and_resumes_another_whose_key_fails_meanwhile() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String operator = "orgs-op-" + run;
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Olga Operator", Set.of(Role.OPERATOR), null), PASSWORD));
    Given target = tenants.tenant(0);
    tenants.subscription(target, 12, 0);
    String key = keys.create(new NewApiKey(target.id(), "crm", Role.READER, null), "test").secret();
    String targetName = jdbcName(target);
    // A second organisation, whose invoice is voided in French.
    Given other = tenants.tenant(0);
    tenants.subscription(other, 3, 0);
    String otherName = jdbcName(other);
    runs.run(LocalDate.of(2026, 3, 10)); // the day's run issues both invoices
    InvoiceDocument targetInvoice = issued(target);
    InvoiceDocument otherInvoice = issued(other);

    try (Browser b = Browser.open(port)) {
      b.size(1280, 1000);
      b.signIn(operator, PASSWORD, "en");
      b.go("/operator/organisations");
      b.clickAndLeave("#create-organisation");
      String name = "Hazel Outfitters " + run;
      fill(b, name, "QQ");
      b.clickAndLeave("#create-submit");
      assertThat(b.find("#country-error").getText()).contains("ISO 3166");
      b.screenshot(SHOTS.resolve("operator-organisations-create-en.png"));
      b.find("#country").clear();
      b.find("#country").sendKeys("DK");
      b.clickAndLeave("#create-submit");
      assertThat(b.path()).startsWith("/operator/organisations/");
      assertThat(b.text()).contains(name).contains("Organisation opened").contains("Europe/Copenhagen")
          .contains("TENANT_CREATED");

      b.go("/operator/organisations?query=" + targetName.replace(" ", "+"));
      assertThat(b.find("#organisations").getText()).contains(targetName).contains("€120.00").contains("Active");
      b.screenshot(SHOTS.resolve("operator-organisations-list-en.png"));
      b.clickAndLeave("#organisations a[href*='" + target.id() + "']");
      b.screenshot(SHOTS.resolve("operator-organisations-view-en.png"));

      assertThat(api(key)).isEqualTo(200);
      b.clickAndLeave("#suspend");
      assertThat(b.find("#consequences").getText()).contains("Billing continues");
      b.find("#reason").sendKeys("Unpaid invoices since March");
      b.screenshot(SHOTS.resolve("operator-organisations-suspend-en.png"));
      b.clickAndLeave("#confirm-change");
      assertThat(b.text()).contains("Organisation suspended.").contains("Unpaid invoices since March");
      Thread.sleep(100); // past the key cache TTL
      assertThat(api(key)).isEqualTo(401);

      b.clickAndLeave("#resume");
      b.find("#reason").sendKeys("Paid in full");
      b.clickAndLeave("#confirm-change");
      assertThat(b.text()).contains("Organisation resumed.").contains("TENANT_RESUMED");
      Thread.sleep(100);
      assertThat(api(key)).isEqualTo(200);

      // The invoice the day's run issued, opened from the organisation's page, then voided.
      String invoicePage = "/operator/organisations/" + target.id() + "/invoices/" + targetInvoice.id();
      b.go("/operator/organisations/" + target.id());
      assertThat(b.find("#invoices tr[data-invoice-id='" + targetInvoice.id() + "']").getText())
          .contains(targetInvoice.number()).contains("Pending settlement");
      b.clickAndLeave("#invoices a[href$='/invoices/" + targetInvoice.id() + "']");
      assertThat(b.path()).isEqualTo(invoicePage);
      assertThat(b.find("h1").getText()).isEqualTo("Invoice " + targetInvoice.number());
      assertThat(b.find("main .organisation").getText()).isEqualTo("Organisation: " + targetName);
      assertThat(b.find(".invoice-status").getText()).isEqualTo("Pending settlement");
      assertThat(b.find("table.invoice-lines").getText()).contains("Test Product");
      String total = b.find(".invoice-total").getText();
      assertThat(total).startsWith("€");
      assertThat(b.find("#void-invoice").getText()).isEqualTo("Void invoice…");
      b.screenshot(SHOTS.resolve("operator-invoice-en.png"));
      b.clickAndLeave("#void-invoice");
      assertThat(b.path()).isEqualTo(invoicePage + "/void");
      assertThat(b.find("h1").getText()).isEqualTo("Void invoice " + targetInvoice.number());
      assertThat(b.find("#void-forgiven").getText()).isEqualTo("Invoice " + targetInvoice.number()
          + " no longer asks to be paid: " + total + " is forgiven, and the periods it charged are never charged again.");
      assertThat(b.find("#void-withdrawn").getText())
          .isEqualTo("The collection of " + total + " still pending settlement is withdrawn.");
      assertThat(b.find("#confirmed").findElement(org.openqa.selenium.By.xpath("..")).getText())
          .isEqualTo("I have checked that invoice " + targetInvoice.number() + " should not be paid.");
      b.screenshot(SHOTS.resolve("operator-void-en.png"));
      b.find("#reason").sendKeys("Issued twice: agreed with the customer");
      b.click("#confirmed");
      b.clickAndLeave("#confirm-void");
      assertThat(b.path()).isEqualTo(invoicePage);
      assertThat(b.find("#voided").getText())
          .isEqualTo("Invoice " + targetInvoice.number() + " is void: " + total + " forgiven.");
      assertThat(b.find(".invoice-status").getText()).isEqualTo("Void");
      assertThat(b.find("h1").getText()).as("a void keeps its number").isEqualTo("Invoice " + targetInvoice.number());
      assertThat(b.all("#void-invoice")).isEmpty();
      assertThat(b.find("#void-refused").getText()).isEqualTo("Invoice " + targetInvoice.number()
          + " is void already. Nothing was changed.");
      assertThat(billing.document(target.id(), targetInvoice.id()).status()).isEqualTo(InvoiceStatus.VOID);
      b.go("/operator/organisations/" + target.id());
      assertThat(b.find("#invoices tr[data-invoice-id='" + targetInvoice.id() + "']").getText()).contains("Void");

      b.signIn(operator, PASSWORD, "fr-FR");
      b.go("/operator/organisations?query=" + targetName.replace(" ", "+"));
      assertThat(b.find("#organisations").getText()).contains("Active");
      b.screenshot(SHOTS.resolve("operator-organisations-list-fr-FR.png"));
      b.go("/operator/organisations/" + target.id());
      assertThat(b.text()).contains("Journal d’audit");
      b.screenshot(SHOTS.resolve("operator-organisations-view-fr-FR.png"));
      b.go("/operator/organisations/new");
      b.screenshot(SHOTS.resolve("operator-organisations-create-fr-FR.png"));
      b.go("/operator/organisations/" + target.id() + "/suspend");
      assertThat(b.find("#consequences").getText()).contains("la facturation continue");
      b.screenshot(SHOTS.resolve("operator-organisations-suspend-fr-FR.png"));
      assertThat(b.seriousAccessibilityViolations()).isEmpty();

      // Another organisation's invoice, voided in French.
      String otherPage = "/operator/organisations/" + other.id() + "/invoices/" + otherInvoice.id();
      b.go("/operator/organisations/" + other.id());
      assertThat(b.find("#invoices tr[data-invoice-id='" + otherInvoice.id() + "']").getText())
          .contains(otherInvoice.number()).contains("En attente de règlement");
      b.clickAndLeave("#invoices a[href$='/invoices/" + otherInvoice.id() + "']");
      assertThat(b.path()).isEqualTo(otherPage);
      assertThat(b.find("h1").getText()).isEqualTo("Facture " + otherInvoice.number());
      assertThat(b.find("main .organisation").getText()).contains("Organisation").contains(otherName);
      assertThat(b.find(".invoice-status").getText()).isEqualTo("En attente de règlement");
      String otherTotal = b.find(".invoice-total").getText();
      assertThat(otherTotal).endsWith("€");
      assertThat(b.find("#void-invoice").getText()).isEqualTo("Annuler la facture…");
      b.screenshot(SHOTS.resolve("operator-invoice-fr-FR.png"));
      assertThat(b.seriousAccessibilityViolations()).isEmpty();
      b.clickAndLeave("#void-invoice");
      assertThat(b.path()).isEqualTo(otherPage + "/void");
      assertThat(b.find("h1").getText()).isEqualTo("Annuler la facture " + otherInvoice.number());
      assertThat(b.find("#void-forgiven").getText()).startsWith("La facture " + otherInvoice.number() + " n’est plus à payer")
          .contains(otherTotal);
      assertThat(b.find("#void-withdrawn").getText()).contains(otherTotal).contains("encore en attente de règlement");
      b.screenshot(SHOTS.resolve("operator-void-fr-FR.png"));
      assertThat(b.seriousAccessibilityViolations()).isEmpty();
      b.find("#reason").sendKeys("Facture émise par erreur, vu avec le client");
      b.click("#confirmed");
      b.clickAndLeave("#confirm-void");
      assertThat(b.path()).isEqualTo(otherPage);
      assertThat(b.find("#voided").getText()).startsWith("La facture " + otherInvoice.number() + " est annulée")
          .contains(otherTotal);
      assertThat(b.find(".invoice-status").getText()).isEqualTo("Annulée");
      assertThat(b.all("#void-invoice")).isEmpty();
      assertThat(billing.document(other.id(), otherInvoice.id()).status()).isEqualTo(InvoiceStatus.VOID);
    }
  }

  private static void fill(Browser b, String name, String country) {
    b.find("#name").sendKeys(name);
    b.find("#country").sendKeys(country);
    b.find("#currency").sendKeys("DKK");
    new org.openqa.selenium.support.ui.Select(b.find("#locale")).selectByValue("da-DK");
    b.find("#timeZone").sendKeys("Europe/Copenhagen");
    b.find("#adminName").sendKeys("Hanne Holm");
    b.find("#adminEmail").sendKeys("hanne@" + name.replace(" ", "-").toLowerCase() + ".example");
  }

  /** The invoice (with its number) the day's run issued to the organisation. */
  private InvoiceDocument issued(Given tenant) {
    return billing.documents(tenant.id(), InvoiceFilter.NONE, PageRequest.FIRST).items().stream()
        .filter(d -> d.kind() == InvoiceDocument.Kind.INVOICE && d.number() != null).findFirst().orElseThrow();
  }

  private int api(String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Autowired org.billingcenter.tenant.TenantService tenantService;

  private String jdbcName(Given tenant) {
    return tenantService.get(tenant.id()).name();
  }
}
