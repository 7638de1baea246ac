package org.billingcenter.support.web;

import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Credit;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceFilter;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An organisation as a support engineer may see it from a request: its subscriptions with their
 * licenses, its invoices and its credits, read-only, through the owning modules' public services.
 * The lists are the newest {@link #SHOWN} of each, with their totals: enough for a phone call.
 */
@Component
class OrganisationView {

  static final PageRequest SHOWN = new PageRequest(1, 20);

  private final TenantService tenants;
  private final SubscriptionService subscriptions;
  private final BillingService billing;

  OrganisationView(TenantService tenants, SubscriptionService subscriptions, BillingService billing) {
    this.tenants = tenants;
    this.subscriptions = subscriptions;
    this.billing = billing;
  }

  void fill(TenantId tenant, PageRequest page, Model model) {
    Page<SubscriptionSummary> subs = subscriptions.list(tenant, page);
    Page<InvoiceDocument> invoices = billing.documents(tenant, InvoiceFilter.NONE, SHOWN);
    Page<Credit> credits = billing.credits(tenant, SHOWN);
    model.addAttribute("tenant", tenants.get(tenant));
    model.addAttribute("subscriptions", subs.items());
    model.addAttribute("subscriptionCount", subs.total());
    model.addAttribute("invoices", invoices.items());
    model.addAttribute("invoiceCount", invoices.total());
    model.addAttribute("credits", credits.items());
    model.addAttribute("creditCount", credits.total());
    model.addAttribute("pager", org.billingcenter.api.PageLinks.of(subs, "page"));
  }
}
