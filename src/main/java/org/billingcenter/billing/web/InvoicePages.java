package org.billingcenter.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.Rejected;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.PageParam;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.CreditEntry;
import org.billingcenter.billing.Invoice;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceFilter;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Invoices & credits: the invoices with their lines, the credits and where they stand, refunds;
 * three lists on one page, each paged by its own parameter so paging one keeps the others' place.
 * Above them the organisation's billing date, on which its credits come back. Issue 16: invoices
 * filtered by number and status, and a page per invoice or credit note.
 */
@Controller
class InvoicePages {

  private final BillingService billing;
  private final TenantService tenants;
  private final Problems problems;

  InvoicePages(BillingService billing, TenantService tenants, Problems problems) {
    this.billing = billing;
    this.tenants = tenants;
    this.problems = problems;
  }

  @GetMapping("/billing/invoices")
  String invoices(@CurrentTenant TenantId tenant, @PageParam("invoicesPage") PageRequest invoicesPage,
      @PageParam("creditsPage") PageRequest creditsPage, @PageParam("refundsPage") PageRequest refundsPage,
      @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String number,
      Model model, Locale locale, HttpServletResponse response) {
    InvoiceFilter filter;
    try {
      filter = InvoiceFilter.parse(status, number);
    } catch (Rejected refused) {
      // A filter that cannot be read: 400 with the reason, and the unfiltered list to start again from.
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", problems.detail(refused.reason().code(), refused.arguments(), locale));
      filter = InvoiceFilter.NONE;
    }
    Page<InvoiceDocument> invoices = billing.documents(tenant, filter, invoicesPage);
    Page<CreditEntry> credits = billing.creditEntries(tenant, creditsPage);
    Page<Invoice.RefundView> refunds = billing.refunds(tenant, refundsPage);
    model.addAttribute("invoices", invoices.items());
    model.addAttribute("invoicesPager", PageLinks.of(invoices, "invoicesPage"));
    model.addAttribute("filter", filter);
    model.addAttribute("statuses", InvoiceStatus.values());
    model.addAttribute("credits", credits.items());
    model.addAttribute("creditsPager", PageLinks.of(credits, "creditsPage"));
    model.addAttribute("refunds", refunds.items());
    model.addAttribute("refundsPager", PageLinks.of(refunds, "refundsPage"));
    model.addAttribute("billingDay", tenants.billingDay(tenant).orElse(null));
    model.addAttribute("nextBillingDate", tenants.nextBillingDate(tenant).orElse(null));
    return "billing/invoices";
  }

  /** One invoice or credit note on screen: its lines, its totals, its PDF. Another tenant's id: 404. */
  @GetMapping("/billing/invoices/{id}")
  String invoice(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    try {
      model.addAttribute("invoice", billing.document(tenant, id));
    } catch (Rejected notOurs) {
      // Not this organisation's (or no such) invoice: a plain 404, as for an address that does not exist.
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return "billing/invoice";
  }
}
