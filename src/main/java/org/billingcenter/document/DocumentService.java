package org.billingcenter.document;

import java.util.Optional;
import java.util.UUID;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.billingprofile.BillingProfileService;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Invoices and credit notes as PDF files: rendered once per distinct content ({@link PdfCache}), in
 * the organisation's invoice language, with Factur-X XML embedded when its profile asks for an
 * electronic invoice. Reads only: downloading a document changes nothing.
 */
@Service
public class DocumentService {

  private final BillingService billing;
  private final BillingProfileService profiles;
  private final InvoicePdf renderer;
  private final FacturX facturX;
  private final PdfCache cache;

  DocumentService(BillingService billing, BillingProfileService profiles, InvoicePdf renderer, FacturX facturX,
      @Value("${billing-center.invoices.pdf-cache-mb:64}") long cacheMegabytes) {
    this.billing = billing;
    this.profiles = profiles;
    this.renderer = renderer;
    this.facturX = facturX;
    this.cache = new PdfCache(cacheMegabytes * 1024 * 1024);
  }

  /** The PDF of the invoice or credit note {@code id}; another organisation's or an unknown id: not found. */
  public DocumentPdf pdf(TenantId tenant, UUID id) {
    return pdf(billing.document(tenant, id));
  }

  /** The PDF of the credit note {@code id}; an invoice's id is not found here. */
  public DocumentPdf creditNotePdf(TenantId tenant, UUID id) {
    InvoiceDocument document;
    try {
      document = billing.document(tenant, id);
    } catch (Rejected notFound) {
      throw new Rejected(DocumentReason.CREDIT_NOTE_NOT_FOUND);
    }
    if (document.kind() != InvoiceDocument.Kind.CREDIT_NOTE) {
      throw new Rejected(DocumentReason.CREDIT_NOTE_NOT_FOUND);
    }
    return pdf(document);
  }

  /** What an invoice mail attaches: the PDF when the organisation's profile asks for it. */
  public Optional<DocumentPdf> mailAttachment(TenantId tenant, UUID id) {
    BillingProfile buyer = profiles.profile(tenant);
    return buyer.attachPdf() ? Optional.of(pdf(billing.document(tenant, id), buyer)) : Optional.empty();
  }

  private DocumentPdf pdf(InvoiceDocument document) {
    return pdf(document, profiles.profile(document.tenant()));
  }

  private DocumentPdf pdf(InvoiceDocument document, BillingProfile buyer) {
    String key = PdfCache.key(document, buyer, renderer.issuer(), InvoicePdf.TEMPLATE_VERSION);
    byte[] bytes = cache.get(key, () -> {
      byte[] pdf = renderer.render(document, buyer);
      return buyer.electronicInvoice() ? facturX.embed(pdf, document, buyer) : pdf;
    });
    return new DocumentPdf(filename(document), bytes);
  }

  /** {@code INV-2026-000123.pdf}; a draft (no number yet) {@code draft-2026-03-10.pdf}. */
  static String filename(InvoiceDocument document) {
    String name = document.number() == null ? "draft-" + document.issueDate() : document.number();
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  int cachedCount() {
    return cache.size();
  }
}
