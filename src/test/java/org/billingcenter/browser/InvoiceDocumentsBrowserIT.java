package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 in real Chromium, on the build's database (H2, then PostgreSQL), as a French Global admin
 * of a fresh organisation would walk it: she fills the billing profile (a mistyped VAT number first),
 * buys a subscription and cancels it the same day; after the day's billing run her invoice has a
 * number, a status, a due date and lines that name the product and plan, its details page and its
 * PDF (read back with PDFBox) carry the number; Order history shows the purchase and the
 * cancellation with their amounts; the export answers a CSV with French headers. Then the same pages
 * in Traditional Chinese. The screenshots are {@code docs/screenshots/invoice-documents-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvoiceDocumentsBrowserIT extends DatabaseIT {

  static final Path SHOTS = Path.of("docs/screenshots");
  /** DatabaseIT's START, a Tuesday: the purchase, the cancellation and the run all fall on it. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  /** A real French VAT number (the README's example) and one with a wrong check key. */
  static final String VAT = "FR44732829320";
  static final String MISTYPED_VAT = "FR45732829320";

  static Browser browser;

  @LocalServerPort int port;
  @Autowired BillingRunService billingRuns;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void a_global_admin_fills_the_billing_profile_and_reads_numbers_pdfs_order_history_and_exports() throws Exception {
    TestTenants.Given org = tenants.tenant(2);
    Browser b = signIn(org, "fr-FR");

    fillsTheBillingProfile(b);

    Subscription bought = tenants.subscription(org, 5, 0);
    cancelsOnTheDayOfPurchase(b, bought);
    billingRuns.run(TODAY);

    String invoiceId = readsTheInvoice(b);
    downloadsThePdf(b, invoiceId);
    readsTheOrderHistory(b, org);
    exportsCsv(b);

    inTraditionalChinese(signIn(org, "zh-TW"), invoiceId);
  }

  // ------------------------------------------------------------------ the journey's steps

  private void fillsTheBillingProfile(Browser b) throws IOException {
    b.go("/settings/billing-profile");
    assertThat(b.find("h1").getText()).isEqualTo("Profil de facturation");
    accessible(b);
    type(b, "#legalName", "Société Test SARL");
    type(b, "#taxId", MISTYPED_VAT);
    b.clickAndLeave("#save");
    assertThat(b.find("#taxId-error").getText()).contains("clé de contrôle");
    assertThat(b.find("#legalName").getAttribute("value")).as("what she typed is kept").isEqualTo("Société Test SARL");
    accessible(b);
    whole(b, "invoice-documents-profile-error-fr-FR.png");

    type(b, "#taxId", "fr 44 732.829.320");
    type(b, "#addressLine1", "12 rue des Lilas");
    type(b, "#postalCode", "75011");
    type(b, "#city", "Paris");
    b.find("#invoiceLanguage option[value='fr-FR']").click();
    if (!b.find("#attachPdf").isSelected()) {
      b.find("#attachPdf").click();
    }
    b.clickAndLeave("#save");
    assertThat(b.find(".notice").getText()).isEqualTo("Le profil de facturation a été enregistré.");
    assertThat(b.find("#taxId").getAttribute("value")).as("normalised").isEqualTo(VAT);
    assertThat(b.find("#attachPdf").isSelected()).isTrue();
    assertThat(b.find("#invoiceLanguage").getAttribute("value")).isEqualTo("fr-FR");
    assertThat(b.all("#taxId-error")).isEmpty();
    whole(b, "invoice-documents-profile-saved-fr-FR.png");
  }

  private void cancelsOnTheDayOfPurchase(Browser b, Subscription bought) {
    b.go("/billing/subscriptions/" + bought.id() + "/cancel");
    assertThat(b.find("#decision").getAttribute("data-outcome")).isEqualTo("ALLOWED");
    b.click("input[name=reason][value=TOO_EXPENSIVE]");
    b.click("#decision form button[type=submit]");
    b.click("#confirm-cancel");
  }

  /** Invoices & credits, then the invoice's own page; answers the invoice's id. */
  private String readsTheInvoice(Browser b) throws IOException {
    b.go("/billing/invoices");
    List<WebElement> invoices = b.all("article.invoice[data-invoice-date='" + TODAY + "']");
    System.out.println("[browser] invoices & credits (fr-FR):\n" + b.find("main").getText());
    WebElement invoice = invoices.stream()
        .filter(a -> a.findElement(By.cssSelector(".invoice-number")).getText().startsWith("INV-"))
        .findFirst().orElseThrow(() -> new AssertionError("no numbered invoice of " + TODAY + ":\n" + b.text()));
    String number = invoice.findElement(By.cssSelector(".invoice-number")).getText();
    assertThat(number).matches("INV-2026-\\d{6}");
    String text = same(invoice.getText());
    assertThat(invoice.findElement(By.cssSelector(".invoice-status")).getText()).isNotBlank();
    assertThat(text).contains("Échéance").contains("10 mars 2026") // due the day it is issued (payment terms 0)
        .contains("Test Product").contains("5 × 10,00 €");
    assertThat(b.all("#credits tbody tr")).as("the cancellation's credit").isNotEmpty();
    assertThat(b.find("#credits tbody tr a").getAttribute("href")).contains("/billing/subscriptions/");
    assertThat(b.all("#exports form")).hasSize(1);
    accessible(b);
    whole(b, "invoice-documents-invoices-fr-FR.png");

    String id = invoice.getAttribute("data-invoice-id");
    b.go("/billing/invoices/" + id);
    assertThat(b.find("h1").getText()).contains(number);
    assertThat(same(b.find("main").getText())).contains("Test Product").contains("50,00 €");
    accessible(b);
    whole(b, "invoice-documents-invoice-fr-FR.png");
    this.number = number;
    return id;
  }

  private String number;

  private void downloadsThePdf(Browser b, String id) throws Exception {
    String href = b.find("a.button[href$='/pdf']").getAttribute("href");
    assertThat(href).endsWith("/billing/invoices/" + id + "/pdf");
    HttpResponse<byte[]> pdf = get(b, URI.create(href).getPath());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = same(new PDFTextStripper().getText(doc));
      assertThat(text).contains(number).contains("Société Test SARL").contains("12 rue des Lilas").contains(VAT);
    }
  }

  private void readsTheOrderHistory(Browser b, TestTenants.Given org) throws Exception {
    b.go("/billing/order-history");
    System.out.println("[browser] order history (fr-FR):\n" + b.find("main").getText());
    WebElement purchase = b.find("#order-history tr[data-type=PURCHASE]");
    WebElement cancellation = b.find("#order-history tr[data-type=CANCELLATION]");
    WebElement credit = b.find("#order-history tr[data-type=CREDIT]");
    assertThat(same(purchase.getText())).contains("Achat").contains("Test Product").contains("Débit de 50,00 €");
    // The cancellation itself carries no amount: what it returns is the credit's own row.
    assertThat(same(cancellation.getText())).contains("Résiliation").contains("Test Product").contains(org.admin());
    assertThat(same(credit.getText())).contains("Test Product").contains("Crédit de 48,39 €");
    accessible(b);
    whole(b, "invoice-documents-order-history-fr-FR.png");
    String subscription = purchase.findElement(By.cssSelector("a")).getAttribute("href");
    HttpResponse<byte[]> page = get(b, URI.create(subscription).getPath());
    assertThat(page.statusCode()).as("the product links to its subscription: " + subscription).isEqualTo(200);
  }

  private void exportsCsv(Browser b) throws Exception {
    b.go("/billing/invoices");
    String from = b.find("#export-from").getAttribute("value");
    String to = b.find("#export-to").getAttribute("value");
    assertThat(from).isEqualTo("2026-01-01");
    HttpResponse<byte[]> csv = get(b, "/billing/exports/invoices.csv?from=" + from + "&to=" + to);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    String body = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    assertThat(body.lines().findFirst().orElse("")).contains("Numéro").contains("Date d’échéance");
    assertThat(body).contains(number);

    b.go("/billing/exports/invoices.csv?from=2026-12-31&to=2026-01-01");
    assertThat(b.path()).isEqualTo("/billing/invoices");
    assertThat(b.find("#export-error").getText()).isNotBlank();
    whole(b, "invoice-documents-export-error-fr-FR.png");
  }

  private void inTraditionalChinese(Browser b, String id) throws IOException {
    b.go("/settings/billing-profile");
    assertThat(b.find("html").getAttribute("lang")).isEqualTo("zh-TW");
    accessible(b);
    whole(b, "invoice-documents-profile-zh-TW.png");
    b.go("/billing/invoices");
    assertThat(b.find("main").getText()).contains(number);
    whole(b, "invoice-documents-invoices-zh-TW.png");
    b.go("/billing/invoices/" + id);
    assertThat(b.find("h1").getText()).contains(number);
    // One word per concept (the bundle's glossary): credits are 抵用額, as in the navigation.
    assertThat(b.find("main").getText()).contains("返回「發票與抵用額」").doesNotContain("貸");
    accessible(b);
    whole(b, "invoice-documents-invoice-zh-TW.png");
    b.go("/billing/order-history");
    assertThat(b.all("#order-history tr[data-type=PURCHASE]")).hasSize(1);
    assertThat(b.find("#order-history tr[data-type=CREDIT]").getText()).contains("抵用額");
    accessible(b);
    whole(b, "invoice-documents-order-history-zh-TW.png");
  }

  // ------------------------------------------------------------------ helpers

  private Browser signIn(TestTenants.Given org, String locale) {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser.signIn(org.admin(), org.password(), locale);
  }

  private static void type(Browser b, String css, String text) {
    WebElement input = b.find(css);
    input.clear();
    input.sendKeys(text);
  }

  /** A download as the browser would fetch it: the same session and language cookies. */
  private HttpResponse<byte[]> get(Browser b, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", b.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void accessible(Browser b) throws IOException {
    assertThat(b.seriousAccessibilityViolations()).as(b.path()).isEmpty();
  }

  /** The whole page in one picture: the window made as tall as the page, then back to 1280 × 800. */
  private static void whole(Browser b, String file) throws IOException {
    long height = b.number("return document.documentElement.scrollHeight");
    b.size(1280, (int) Math.min(height + 150, 3000));
    b.screenshot(SHOTS.resolve(file));
    b.size(1280, 800);
  }

  /** Texts compared as the reader sees them: CLDR's narrow and no-break spaces are just spaces. */
  private static String same(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").trim();
  }
}
