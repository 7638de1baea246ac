package org.billingcenter.document.web;

import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.document.DocumentPdf;
import org.billingcenter.document.DocumentService;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ContentDisposition;
import org.billingcenter.shared.Rejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The Download PDF link of Invoices & credits: the same bytes as the API's, for the same roles. */
@Controller
class DocumentPdfPages {

  private final DocumentService documents;

  DocumentPdfPages(DocumentService documents) {
    this.documents = documents;
  }

  /**
   * A download link has no page to go back to with a message: an unknown id, or another
   * organisation's, answers the not-found error page (404), as the API does, instead of the pages'
   * usual redirect back.
   */
  @GetMapping("/billing/invoices/{id}/pdf")
  ResponseEntity<byte[]> pdf(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    DocumentPdf pdf;
    try {
      pdf = documents.pdf(tenant, id);
    } catch (Rejected notFound) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DocumentPdf.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.filename()).build().toString())
        .contentLength(pdf.bytes().length)
        .body(pdf.bytes());
  }
}
