package org.billingcenter.document.web;

import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.document.DocumentPdf;
import org.billingcenter.document.DocumentService;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Download PDF link of Invoices & credits: the same bytes as the API's, for the same roles. */
@Controller
class DocumentPdfPages {

  private final DocumentService documents;

  DocumentPdfPages(DocumentService documents) {
    this.documents = documents;
  }

  @GetMapping("/billing/invoices/{id}/pdf")
  ResponseEntity<byte[]> pdf(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    DocumentPdf pdf = documents.pdf(tenant, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DocumentPdf.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.filename()).build().toString())
        .contentLength(pdf.bytes().length)
        .body(pdf.bytes());
  }
}
