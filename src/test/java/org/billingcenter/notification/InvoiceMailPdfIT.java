package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.billingprofile.BillingProfileChange;
import org.billingcenter.billingprofile.BillingProfileService;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Delivery;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An invoice mail carries the invoice's PDF, in the profile's invoice language
 * (whatever the recipient reads), when the organisation's billing profile asks for it; otherwise
 * none: the organisation asks for it on its billing profile, as an admin does on the page.
 */
class InvoiceMailPdfIT extends DatabaseIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @Autowired BillingProfileService profiles;
  @Autowired MailChannel channel;
  @Autowired BillingService billing;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;

  @Test
  void the_invoice_mail_attaches_the_pdf_in_the_invoice_language_only_when_the_profile_asks() throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 4, 0);
    Invoice invoice = billing.invoices(org.id()).get(0);
    String address = "books-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    AdminAccount admin = accounts.loadUserByUsername(org.admin()).account();
    transaction.executeWithoutResult(t -> accounts.chooseLocale(accounts.chooseEmail(admin, address), Locale.forLanguageTag("da-DK")));
    OutboxEvent issued = new OutboxEvent(org.id(), UUID.randomUUID(), EventType.INVOICE_FINALIZED,
        Instant.parse("2026-03-10T10:00:00Z"), invoice.id().toString(), MailEvents.JSON.writeValueAsString(Map.of(
            "invoiceId", invoice.id().toString(), "kind", "INVOICE", "invoiceDate", LocalDate.of(2026, 3, 10).toString(),
            "total", Map.of("minor", invoice.total().minor(), "currency", "EUR"))));

    MimeMessage plain = send(org, issued, address);
    assertThat(pdfPart(plain)).as("the profile does not ask for it").isNull();

    // The organisation asks for PDFs in French, as an admin does on the billing profile page.
    profiles.update(org.id(), BillingProfileChange.of(withPdf(profiles.profile(org.id()), Locale.forLanguageTag("fr-FR"))),
        "test");
    MimeMessage withPdf = send(org, issued, address);
    Part pdf = pdfPart(withPdf);
    assertThat(pdf).isNotNull();
    String number = billing.document(org.id(), invoice.id()).number();
    assertThat(pdf.getFileName()).isEqualTo(number != null ? number + ".pdf" : "draft-2026-03-10.pdf");
    assertThat(Mails.plainText(withPdf)).as("the mail in the recipient's language").isNotNull();
    assertThat(withPdf.getHeader("Content-Language")[0]).isEqualTo("da-DK");
    try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
      assertThat(new PDFTextStripper().getText(doc)).as("the PDF in the invoice language").contains("Facture");
    }
  }

  private MimeMessage send(Given org, OutboxEvent event, String address) {
    int before = SMTP.getReceivedMessages().length;
    Attempt attempt = channel.send(new Delivery(org.id(), UUID.randomUUID(), event.eventId(), Channel.EMAIL, address, 0), event);
    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
    return SMTP.getReceivedMessages()[before];
  }

  private static BillingProfile withPdf(BillingProfile p, Locale language) {
    return new BillingProfile(p.tenant(), p.legalName(), p.addressLine1(), p.addressLine2(), p.postalCode(), p.city(),
        p.region(), p.country(), p.taxId(), p.purchaseOrder(), language, true, p.electronicInvoice());
  }

  private static Part pdfPart(Part part) throws Exception {
    if (part.isMimeType("application/pdf")) {
      return part;
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        Part found = pdfPart(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
