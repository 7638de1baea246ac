package org.billingcenter.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.mustangproject.ZUGFeRD.PDFAConformanceLevel;
import org.mustangproject.ZUGFeRD.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Factur-X / ZUGFeRD (EN 16931 profile): the invoice's structured XML ({@code factur-x.xml})
 * embedded in its PDF/A-3, for organisations whose billing profile asks for an electronic invoice.
 * Built with Mustang from the document (see {@link FacturXInvoice}); deterministic: the same
 * document embeds to the same bytes (see {@link FacturXExporter}).
 */
@Component
public class FacturX {

  /** The EN 16931 (COMFORT) profile: the full European norm, what a buyer's system can book. */
  static final String PROFILE = "EN16931";

  private static final Logger log = LoggerFactory.getLogger(FacturX.class);

  private final InvoiceIssuer issuer;
  private final MessageSource messages;

  FacturX(InvoiceIssuer issuer, MessageSource messages) {
    this.issuer = issuer;
    this.messages = messages;
  }

  /**
   * {@code pdfA3} (a PDF/A-3b of {@code document}) with the document's Factur-X XML embedded; the
   * input unchanged where the profile does not ask for an electronic invoice, where the document is
   * a draft (no number: not a legal invoice yet), or where the operator has no VAT identifier (the
   * VAT treatment needs one, see {@link EInvoiceVat}).
   */
  public byte[] embed(byte[] pdfA3, InvoiceDocument document, BillingProfile buyer) {
    if (!buyer.electronicInvoice() || document.number() == null) {
      return pdfA3;
    }
    if (issuer.vatId() == null || issuer.vatId().isBlank()) {
      log.warn("No Factur-X for {}: billing-center.invoices.issuer.vat-id is not set", document.number());
      return pdfA3;
    }
    Locale locale = buyer.invoiceLanguage();
    FacturXInvoice xml = new FacturXInvoice(issuer, (key, args) -> messages.getMessage(key, args, locale), locale);
    try (FacturXExporter exporter = new FacturXExporter(stamp(document))) {
      exporter.setProducer(issuer.name());
      exporter.load(pdfA3);
      exporter.setProfile(Profiles.getByName(PROFILE));
      exporter.setConformanceLevel(PDFAConformanceLevel.BASIC); // what the renderer promises: PDF/A-3b
      exporter.setTransaction(xml.of(document, buyer));
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdfA3.length + 16_384);
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Factur-X for " + document.number(), e);
    }
  }

  /** The document's own timestamp (its finalisation), else its issue date: never the wall clock. */
  private static Calendar stamp(InvoiceDocument document) {
    Instant at = document.finalizedAt() != null
        ? document.finalizedAt()
        : document.issueDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(at.toEpochMilli());
    return calendar;
  }
}
