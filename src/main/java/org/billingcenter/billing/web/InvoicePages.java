package org.billingcenter.billing.web;

import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.PageParam;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.Invoice;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Invoices & credits: the invoices with their lines, the credits and where they stand, refunds;
 * three lists on one page, each paged by its own parameter so paging one keeps the others' place.
 * Above them the organisation's billing date, on which its credits come back.
 */
@Controller
class InvoicePages {

  private final BillingService billing;
  private final TenantService tenants;

  InvoicePages(BillingService billing, TenantService tenants) {
    this.billing = billing;
    this.tenants = tenants;
  }

  @GetMapping("/billing/invoices")
  String invoices(@CurrentTenant TenantId tenant, @PageParam("invoicesPage") PageRequest invoicesPage,
      @PageParam("creditsPage") PageRequest creditsPage, @PageParam("refundsPage") PageRequest refundsPage,
      Model model) {
    Page<Invoice> invoices = billing.invoicesWithLines(tenant, invoicesPage);
    Page<Credit> credits = billing.credits(tenant, creditsPage);
    Page<Invoice.RefundView> refunds = billing.refunds(tenant, refundsPage);
    model.addAttribute("invoices", invoices.items());
    model.addAttribute("invoicesPager", PageLinks.of(invoices, "invoicesPage"));
    model.addAttribute("credits", credits.items());
    model.addAttribute("creditsPager", PageLinks.of(credits, "creditsPage"));
    model.addAttribute("refunds", refunds.items());
    model.addAttribute("refundsPager", PageLinks.of(refunds, "refundsPage"));
    model.addAttribute("billingDay", tenants.billingDay(tenant).orElse(null));
    model.addAttribute("nextBillingDate", tenants.nextBillingDate(tenant).orElse(null));
    return "billing/invoices";
  }
}
