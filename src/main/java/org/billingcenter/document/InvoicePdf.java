package org.billingcenter.document;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders one invoice or credit note to PDF/A-3b bytes: {@code templates/document/invoice.html}
 * (XHTML, read in XML mode so openhtmltopdf gets a well-formed document) filled in the profile's
 * invoice language, never the request's, then openhtmltopdf with the shipped fonts and an sRGB
 * output intent, then {@link PdfStamp} so the same input always gives the same bytes. Uncached: the
 * {@link DocumentService} caches.
 */
@Component
public class InvoicePdf {

  static final String TEMPLATE = "templates/document/invoice.html";
  static final String STYLESHEET = "templates/document/invoice.css";

  /** Part of every cache key: a changed template (or this code's layout) renders anew. */
  static final String TEMPLATE_VERSION = "1:" + HexFormat.of().formatHex(PdfStamp.sha256(
      new String(PdfFonts.read(TEMPLATE), java.nio.charset.StandardCharsets.UTF_8)
          + new String(PdfFonts.read(STYLESHEET), java.nio.charset.StandardCharsets.UTF_8)), 0, 8);

  /** The layout, kept out of the template (a template holds no literal text but its markup). */
  private static final String CSS = new String(PdfFonts.read(STYLESHEET), java.nio.charset.StandardCharsets.UTF_8)
      .replace("{fonts}", PdfFonts.FAMILY_CHAIN);

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
  }

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final InvoiceIssuer issuer;

  InvoicePdf(MessageSource messages, InvoiceIssuer issuer) {
    this.issuer = issuer;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/document/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setResolvablePatterns(Set.of("invoice"));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateEngineMessageSource(messages);
    engine.addTemplateResolver(resolver);
  }

  public InvoiceIssuer issuer() {
    return issuer;
  }

  /** The PDF/A-3b of {@code document} addressed to {@code buyer}, in the buyer's invoice language. */
  public byte[] render(InvoiceDocument document, BillingProfile buyer) {
    DocumentFormats formats = DocumentFormats.of(buyer.invoiceLanguage(), buyer.country());
    Context context = new Context(buyer.invoiceLanguage());
    context.setVariable("doc", PrintedDocument.of(document, buyer, issuer, formats));
    context.setVariable("css", CSS);
    String xhtml = engine.process("invoice", context);
    try {
      return pdf(xhtml, document);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the PDF of " + document.id(), e);
    }
  }

  private static byte[] pdf(String xhtml, InvoiceDocument document) throws IOException {
    PdfFonts.Faces faces = PdfFonts.borrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (PDDocument pdf = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder()
          .useFastMode()
          .usePDDocument(pdf)
          .usePdfAConformance(PdfAConformance.PDFA_3_B)
          .useColorProfile(SRGB)
          .withProducer("Billing Center")
          .withHtmlContent(xhtml, null);
      PdfFonts.register(builder, pdf, faces);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFWithoutClosing();
        PdfStamp.apply(pdf, DocumentFormats.stamp(document.finalizedAt(), document.issueDate()),
            document.id() + "|" + document.number());
        pdf.save(out);
      }
    } finally {
      PdfFonts.giveBack(faces);
    }
    return out.toByteArray();
  }
}
