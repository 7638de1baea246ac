package org.billingcenter.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.billing.ExportKind;
import org.billingcenter.billing.ExportRange;
import org.billingcenter.billing.InvoiceExports;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV exports of invoices, invoice lines and credits for tenant-local days {@code from}–{@code to}
 * (inclusive), streamed as they are read; the header row in the caller's language (Accept-Language).
 * The range is checked before the first byte, so a refusal is a whole problem+json answer.
 */
@RestController
@RequestMapping("/api/v1/exports")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','READER')")
class ExportApi {

  static final String CSV = "text/csv;charset=UTF-8";
  private static final String RANGE = "Tenant-local ISO date; the range is inclusive and at most 366 days "
      + "(billing-center.exports.max-days).";

  private final InvoiceExports exports;

  ExportApi(InvoiceExports exports) {
    this.exports = exports;
  }

  @Operation(summary = "Invoices and credit notes issued from–to: one row each (number, kind, status, dates, amounts).")
  @ApiResponse(responseCode = "200", description = "UTF-8 CSV with a byte order mark",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/invoices.csv")
  void invoices(@CurrentTenant TenantId tenant, @Parameter(description = RANGE) @RequestParam(required = false) String from,
      @Parameter(description = RANGE) @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response) throws IOException {
    export(tenant, ExportKind.INVOICES, from, to, locale, response);
  }

  @Operation(summary = "The lines of the invoices and credit notes issued from–to: one row per line.")
  @ApiResponse(responseCode = "200", description = "UTF-8 CSV with a byte order mark",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/invoice-lines.csv")
  void invoiceLines(@CurrentTenant TenantId tenant, @Parameter(description = RANGE) @RequestParam(required = false) String from,
      @Parameter(description = RANGE) @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response) throws IOException {
    export(tenant, ExportKind.INVOICE_LINES, from, to, locale, response);
  }

  @Operation(summary = "Credits created from–to, with where they stand and what returned them.")
  @ApiResponse(responseCode = "200", description = "UTF-8 CSV with a byte order mark",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/credits.csv")
  void credits(@CurrentTenant TenantId tenant, @Parameter(description = RANGE) @RequestParam(required = false) String from,
      @Parameter(description = RANGE) @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response) throws IOException {
    export(tenant, ExportKind.CREDITS, from, to, locale, response);
  }

  private void export(TenantId tenant, ExportKind kind, String from, String to, Locale locale,
      HttpServletResponse response) throws IOException {
    ExportRange range = exports.range(from, to);
    response.setContentType(CSV);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(kind.fileName(range)).build().toString());
    exports.write(tenant, kind, range, locale, response.getOutputStream());
  }
}
