package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billing.InvoiceDocument.LineKind;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.web.IcuMessageSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * The Factur-X of an invoice (three lines: a charge, a prorated change, a credit) and of a credit
 * note (a credit, part of it refunded), embedded into a real PDF/A-3b and checked by Mustang's own
 * validator (PDF/A, XML schema, EN 16931 schematron, arithmetic), then read back.
 */
class FacturXTest {

  static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
  static final UUID SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
  static final InvoiceIssuer ISSUER = new InvoiceIssuer("Billing Center Demo Operator Ltd", "1 Example Street", null,
      "1000", "Brussels", "BE", "BE0123456749", "billing@example.com");
  static final BillingProfile BUYER = new BillingProfile(TENANT, "Contoso Belgique SA", "42 Rue de la Loi", "Bureau 3",
      "1040", "Etterbeek", null, "BE", "BE0403170701", "PO-7781", Locale.FRANCE, true, true);

  static FacturX facturX;
  static byte[] pdf;

  @TempDir static File dir;

  @BeforeAll
  static void setUp() throws IOException {
    IcuMessageSource messages = new IcuMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    facturX = new FacturX(ISSUER, messages);
    pdf = pdfA3();
  }

  /**
   * The PDF/A-3b the XML goes into: the application's own renderer's invoice (so the validator also
   * judges the renderer's PDF/A-3b), not a stand-in.
   */
  static byte[] pdfA3() {
    return SampleDocuments.renderer().render(invoice(), BUYER);
  }

  static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  static InvoiceDocument invoice() {
    List<Line> lines = List.of(
        new Line(1, LineKind.CHARGE, InvoiceDocument.Source.RENEWAL, SUBSCRIPTION, "Office Suite", "office-monthly",
            BillingFrequency.MONTHLY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), 3, eur(1250), eur(3750)),
        new Line(2, LineKind.ADJUSTMENT, InvoiceDocument.Source.LICENSE_ADDITION, SUBSCRIPTION, "Office Suite",
            "office-monthly", BillingFrequency.MONTHLY, LocalDate.of(2026, 2, 17), LocalDate.of(2026, 3, 1), 5,
            eur(1250), eur(1048)),
        new Line(3, LineKind.CREDIT, InvoiceDocument.Source.LICENSE_REDUCTION, SUBSCRIPTION, "Mail Archive",
            "archive-monthly", BillingFrequency.MONTHLY, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 1), 2,
            eur(400), eur(-222)));
    return new InvoiceDocument(TENANT, UUID.randomUUID(), Kind.INVOICE, "INV-2026-000123", InvoiceStatus.OPEN,
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15), Currency.getInstance("EUR"), lines, eur(4798), eur(222),
        eur(0), eur(4576), Instant.parse("2026-03-01T02:00:00Z"));
  }

  static InvoiceDocument creditNote() {
    List<Line> lines = List.of(
        new Line(1, LineKind.CREDIT, InvoiceDocument.Source.CANCELLATION, SUBSCRIPTION, "Office Suite",
            "office-monthly", BillingFrequency.MONTHLY, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 1), 3,
            eur(1250), eur(-2661)),
        new Line(2, LineKind.REFUND, InvoiceDocument.Source.CANCELLATION, SUBSCRIPTION, "Office Suite", null, null,
            null, null, null, null, eur(2000)));
    return new InvoiceDocument(TENANT, UUID.randomUUID(), Kind.CREDIT_NOTE, "CN-2026-000007", InvoiceStatus.OPEN,
        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), Currency.getInstance("EUR"), lines, eur(0), eur(2661),
        eur(2000), eur(2661), Instant.parse("2026-04-01T02:00:00Z"));
  }

  @Test
  void an_invoice_with_three_lines_is_a_valid_en16931_factur_x_and_reads_back() throws Exception {
    byte[] embedded = facturX.embed(pdf, invoice(), BUYER);

    assertValid(embedded, "invoice");
    ZUGFeRDImporter imported = new ZUGFeRDImporter(new ByteArrayInputStream(embedded));
    assertThat(imported.getInvoiceID()).isEqualTo("INV-2026-000123");
    assertThat(imported.getDocumentCode()).isEqualTo("380");
    assertThat(imported.getBuyerTradePartyName()).isEqualTo("Contoso Belgique SA");
    assertThat(imported.getLineTotalAmount()).isEqualTo("45.76");
    assertThat(imported.getAmount()).isEqualTo("45.76");
    assertThat(imported.getInvoiceCurrencyCode()).isEqualTo("EUR");
    assertThat(imported.getLineItemList()).hasSize(3);
    String xml = new String(imported.getRawXML(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml).contains("<ram:CategoryCode>E</ram:CategoryCode>", "Aucune TVA facturée", "PO-7781",
        "BE0123456749", "BE0403170701", "20260315", "Avoir\u00a0: Mail Archive", "<ram:BilledQuantity unitCode=\"C62\">-1");
  }

  @Test
  void a_credit_note_states_what_it_credits_as_positive_amounts_and_the_refund_as_paid() throws Exception {
    byte[] embedded = facturX.embed(pdf, creditNote(), BUYER);

    assertValid(embedded, "credit-note");
    ZUGFeRDImporter imported = new ZUGFeRDImporter(new ByteArrayInputStream(embedded));
    assertThat(imported.getInvoiceID()).isEqualTo("CN-2026-000007");
    assertThat(imported.getDocumentCode()).isEqualTo("381");
    assertThat(imported.getLineTotalAmount()).isEqualTo("26.61");
    assertThat(imported.getPaidAmount()).isEqualTo("20.00");
    assertThat(imported.getAmount()).isEqualTo("26.61");
    assertThat(imported.getLineItemList()).hasSize(1);
    String xml = new String(imported.getRawXML(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml).contains("<ram:DuePayableAmount>6.61</ram:DuePayableAmount>", "Avoir\u00a0: Office Suite",
        "<ram:BilledQuantity unitCode=\"C62\">1");
  }

  @Test
  void the_same_document_embeds_to_the_same_bytes() throws Exception {
    byte[] first = facturX.embed(pdf, invoice(), BUYER);
    Thread.sleep(1100); // Mustang's own dates are to the second
    assertThat(facturX.embed(pdf, invoice(), BUYER)).isEqualTo(first);
  }

  @Test
  void a_draft_or_a_profile_without_electronic_invoices_gets_the_pdf_unchanged() {
    InvoiceDocument i = invoice();
    InvoiceDocument draft = new InvoiceDocument(i.tenant(), i.id(), i.kind(), null, i.status(), i.issueDate(),
        i.dueDate(), i.currency(), i.lines(), i.charged(), i.credited(), i.refunded(), i.total(), null);
    BillingProfile paperOnly = new BillingProfile(TENANT, "Contoso Belgique SA", null, null, null, null, null, "BE",
        null, null, Locale.FRANCE, true, false);

    assertThat(facturX.embed(pdf, draft, BUYER)).isSameAs(pdf);
    assertThat(facturX.embed(pdf, invoice(), paperOnly)).isSameAs(pdf);
  }

  static void assertValid(byte[] embedded, String name) throws IOException {
    File file = new File(dir, name + ".pdf");
    java.nio.file.Files.write(file.toPath(), embedded);
    String report = new ZUGFeRDValidator().validate(file.getAbsolutePath());
    File out = new File("target/facturx");
    out.mkdirs(); // kept for a look: the PDF, its XML and the validator's report
    java.nio.file.Files.write(new File(out, name + ".pdf").toPath(), embedded);
    java.nio.file.Files.writeString(new File(out, name + "-report.xml").toPath(), report);
    java.nio.file.Files.write(new File(out, name + ".xml").toPath(),
        new ZUGFeRDImporter(new ByteArrayInputStream(embedded)).getRawXML());
    assertThat(report).as(report).contains("status=\"valid\"").doesNotContain("status=\"invalid\"");
  }
}
