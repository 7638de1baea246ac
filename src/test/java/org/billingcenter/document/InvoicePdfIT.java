package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.billingprofile.BillingProfileService;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Real invoices and credit notes of a billing run as PDF/A-3b, read back with PDFBox: the number
 * (the document's reference until numbering assigns one), product names, totals as the invoice
 * language writes them and the buyer's address, in four languages; the same bytes on every render;
 * the downloads of the API and the page, with their roles and tenant isolation.
 */
class InvoicePdfIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired BillingProfileService profiles;
  @Autowired CancellationService cancellations;
  @Autowired InvoicePdf renderer;
  @Autowired DocumentService documents;
  @Autowired UserDetailsService accounts;

  /** A renewal invoice and a credit note (a cancellation with nothing else to invoice), both finalised. */
  record Billed(Given org, InvoiceDocument invoice, InvoiceDocument creditNote) {}

  private Billed billed() {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 4, 0); // 40.00 for 10 Mar – 10 Apr, renewed on 10 April
    Subscription cancelled = tenants.subscription(org, 3, 0); // 30.00, cancelled on 25 March
    clock.set(Instant.parse("2026-03-25T10:00:00Z"));
    cancellations.cancel(org.id(), cancelled.id(), ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    runs.run(LocalDate.of(2026, 4, 10));
    List<Invoice> all = billing.invoices(org.id());
    InvoiceDocument invoice = billing.document(org.id(), all.stream()
        .filter(i -> i.kind().equals("INVOICE") && i.date().equals(LocalDate.of(2026, 4, 10))).findFirst().orElseThrow().id());
    InvoiceDocument note = all.stream().filter(i -> i.kind().equals("CREDIT_NOTE")).findFirst()
        .map(i -> billing.document(org.id(), i.id()))
        .orElseGet(() -> billing.document(org.id(), all.get(all.size() - 1).id()));
    return new Billed(org, invoice, note);
  }

  private BillingProfile buyer(Given org, Locale language, String country) {
    return new BillingProfile(org.id(), "Alder Studio Ltd", "12 Harbour Road", null, "D02 X285", "Dublin", null, country,
        "IE1234567T", "PO-7781", language, false, false);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"en, IE, Invoice, Credit note", "fr-FR, FR, Facture, Avoir", "bg-BG, BG, Фактура, Кредитно известие",
      "zh-TW, TW, 發票, 折讓單"})
  void an_invoice_and_a_credit_note_read_back_in_the_invoice_language(String tag, String country, String invoiceTitle,
      String noteTitle) throws Exception {
    Billed b = billed();
    Locale language = Locale.forLanguageTag(tag);
    BillingProfile buyer = buyer(b.org(), language, country);
    DocumentFormats formats = DocumentFormats.of(language, country);
    for (InvoiceDocument doc : List.of(b.invoice(), b.creditNote())) {
      byte[] pdf = renderer.render(doc, buyer);
      String text = text(pdf);
      assertThat(text).contains(doc.kind() == InvoiceDocument.Kind.INVOICE ? invoiceTitle : noteTitle);
      assertThat(text).contains(doc.number() != null ? doc.number() : doc.id().toString());
      doc.lines().stream().filter(l -> l.productName() != null).forEach(l -> assertThat(text).contains(l.productName()));
      assertThat(text).contains(formats.money(doc.total()), formats.money(doc.charged()), formats.date(doc.issueDate()));
      doc.lines().forEach(l -> assertThat(text).contains(formats.money(l.amount())));
      assertThat(text).contains("Alder Studio Ltd", "12 Harbour Road", "D02 X285 Dublin", formats.country(country),
          "IE1234567T", "PO-7781");
      assertThat(renderer.render(doc, buyer)).as("the same bytes on a second render").isEqualTo(pdf);
      assertPdfA3b(pdf);
    }
  }

  static void assertPdfA3b(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
      PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
      assertThat(id.getPart()).isEqualTo(3);
      assertThat(id.getConformance()).isEqualTo("B");
      assertThat(doc.getDocumentCatalog().getOutputIntents()).isNotEmpty();
      assertThat(xmp.getXMPBasicSchema().getCreateDate().getTimeInMillis())
          .isEqualTo(doc.getDocumentInformation().getCreationDate().getTimeInMillis());
    }
  }

  @Test
  void the_api_and_the_page_download_the_same_cached_file_for_every_role_and_not_another_organisations() throws Exception {
    Billed b = billed();
    byte[] expected = documents.pdf(b.org().id(), b.invoice().id()).bytes();
    for (Role role : List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER)) {
      var as = user(accounts.loadUserByUsername(role == Role.GLOBAL_ADMIN ? b.org().admin() : tenants.account(b.org(), role)));
      for (String path : List.of("/api/v1/invoices/" + b.invoice().id() + "/pdf", "/billing/invoices/" + b.invoice().id() + "/pdf")) {
        MockHttpServletResponse response = mvc.perform(get(path).with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(role + " " + path).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"" + expectedName(b.invoice()) + "\"");
        assertThat(response.getContentAsByteArray()).isEqualTo(expected);
      }
    }
    var admin = user(accounts.loadUserByUsername(b.org().admin()));
    assertThat(mvc.perform(get("/api/v1/credit-notes/" + b.invoice().id() + "/pdf").with(admin)).andReturn().getResponse()
        .getStatus()).as("an invoice is no credit note").isEqualTo(404);
    if (b.creditNote().kind() == InvoiceDocument.Kind.CREDIT_NOTE) {
      assertThat(mvc.perform(get("/api/v1/credit-notes/" + b.creditNote().id() + "/pdf").with(admin)).andReturn().getResponse()
          .getContentAsByteArray()).isEqualTo(documents.pdf(b.org().id(), b.creditNote().id()).bytes());
    }
    Given other = tenants.tenant(0);
    var stranger = user(accounts.loadUserByUsername(other.admin()));
    for (String path : List.of("/api/v1/invoices/" + b.invoice().id() + "/pdf", "/billing/invoices/" + b.invoice().id() + "/pdf",
        "/api/v1/credit-notes/" + b.creditNote().id() + "/pdf")) {
      assertThat(mvc.perform(get(path).with(stranger)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
    }
  }

  static String expectedName(InvoiceDocument doc) {
    return doc.number() != null ? doc.number() + ".pdf" : "draft-" + doc.issueDate() + ".pdf";
  }

  @Test
  void a_second_download_of_the_same_document_comes_from_the_cache() {
    Billed b = billed();
    int before = documents.cachedCount();
    DocumentPdf first = documents.pdf(b.org().id(), b.invoice().id());
    DocumentPdf again = documents.pdf(b.org().id(), b.invoice().id());
    assertThat(again.bytes()).as("served from the cache: the very same array").isSameAs(first.bytes());
    assertThat(documents.cachedCount()).isEqualTo(before + 1);
  }
}
