package org.billingcenter.web.pages;

import org.billingcenter.account.CurrentTenant;
import org.billingcenter.billing.BillingService;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Invoices & credits: every invoice with its lines, the credits and where they stand, refunds. */
@Controller
class InvoicePages {

  private final BillingService billing;

  InvoicePages(BillingService billing) {
    this.billing = billing;
  }

  @GetMapping("/billing/invoices")
  String invoices(@CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("invoices", billing.invoicesWithLines(tenant));
    model.addAttribute("credits", billing.credits(tenant));
    model.addAttribute("refunds", billing.refunds(tenant));
    return "billing/invoices";
  }
}
