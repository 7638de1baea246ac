package org.billingcenter.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.billing.ExportKind;
import org.billingcenter.billing.ExportRange;
import org.billingcenter.billing.InvoiceExports;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The export buttons of Invoices & credits: a GET (a download changes nothing) that streams the CSV
 * with its header in the page's language, or goes back to the page with the refusal in that language
 * and the dates as typed.
 */
@Controller
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','READER')")
class ExportPages {

  private final InvoiceExports exports;
  private final MessageSource messages;

  ExportPages(InvoiceExports exports, MessageSource messages) {
    this.exports = exports;
    this.messages = messages;
  }

  @GetMapping("/billing/exports/{what}.csv")
  String export(@CurrentTenant TenantId tenant, @PathVariable String what,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    ExportKind kind = ExportKind.ofSlug(what)
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    ExportRange range;
    try {
      range = exports.range(from, to);
    } catch (Rejected e) {
      redirect.addFlashAttribute("exportForm", ExportFormAdvice.ExportForm.typed(from, to));
      redirect.addFlashAttribute("exportError", messages.getMessage(
          "error." + e.reason().code().toLowerCase(Locale.ROOT), e.arguments().toArray(), locale));
      return "redirect:/billing/invoices#exports";
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(kind.fileName(range)).build().toString());
    exports.write(tenant, kind, range, locale, response.getOutputStream());
    return null;
  }
}
