package org.billingcenter.document;

import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.springframework.stereotype.Component;

/**
 * Factur-X / ZUGFeRD (EN 16931): the invoice's structured XML embedded in its PDF/A-3.
 * SKELETON (issue 16): the e-invoice helper builds it with Mustang; until then the PDF is returned
 * as it is.
 */
@Component
public class FacturX {

  private final InvoiceIssuer issuer;

  FacturX(InvoiceIssuer issuer) {
    this.issuer = issuer;
  }

  /** {@code pdfA3} (a PDF/A-3b of {@code document}) with the document's Factur-X XML embedded. */
  public byte[] embed(byte[] pdfA3, InvoiceDocument document, BillingProfile buyer) {
    return pdfA3;
  }
}
