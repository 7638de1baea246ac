package org.billingcenter.document.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.document.DocumentPdf;
import org.billingcenter.document.DocumentService;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes as PDF/A-3b files in the organisation's invoice language, for every role
 * that sees Invoices & credits. Another organisation's id is not found (404).
 */
@RestController
class DocumentPdfApi {

  private final DocumentService documents;

  DocumentPdfApi(DocumentService documents) {
    this.documents = documents;
  }

  @GetMapping("/api/v1/invoices/{id}/pdf")
  @Operation(summary = "The invoice or credit note as a PDF/A-3b file (Factur-X embedded when the billing profile asks for"
      + " electronic invoices); named after its number, or draft-<date>.pdf before it is issued.")
  @ApiResponse(responseCode = "200", description = "The PDF file",
      content = @Content(mediaType = DocumentPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<byte[]> invoice(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return download(documents.pdf(tenant, id));
  }

  @GetMapping("/api/v1/credit-notes/{id}/pdf")
  @Operation(summary = "The credit note as a PDF/A-3b file; an invoice's id is not found here (404).")
  @ApiResponse(responseCode = "200", description = "The PDF file",
      content = @Content(mediaType = DocumentPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<byte[]> creditNote(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return download(documents.creditNotePdf(tenant, id));
  }

  /** The same answer for the page's download link. */
  static ResponseEntity<byte[]> download(DocumentPdf pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DocumentPdf.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.filename()).build().toString())
        .contentLength(pdf.bytes().length)
        .body(pdf.bytes());
  }
}
