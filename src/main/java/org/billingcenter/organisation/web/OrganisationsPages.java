package org.billingcenter.organisation.web;

import java.util.UUID;
import org.billingcenter.api.PageLinks;
import org.billingcenter.organisation.Organisation;
import org.billingcenter.organisation.OrganisationSearch;
import org.billingcenter.organisation.OrganisationService;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's organisations: the searchable list, and one organisation with its subscriptions,
 * invoices and audit trail (three lists, each paged by its own parameter, ten rows at a time).
 */
@Controller
@RequestMapping(OrganisationsPages.BASE)
@PreAuthorize("hasRole('OPERATOR')")
class OrganisationsPages {

  static final String BASE = "/operator/organisations";
  private static final String ROWS = "10";

  private final OrganisationService organisations;

  OrganisationsPages(OrganisationService organisations) {
    this.organisations = organisations;
  }

  @GetMapping
  String list(@RequestParam(required = false) String query, @RequestParam(required = false) String sort,
      PageRequest page, Model model) {
    OrganisationSearch search = OrganisationSearch.parse(query, sort);
    Page<Organisation> list = organisations.list(search, page);
    model.addAttribute("search", search);
    model.addAttribute("organisations", list.items());
    model.addAttribute("pager", PageLinks.of(list, "page"));
    return "organisation/list";
  }

  @GetMapping("/{tenantId}")
  String view(@PathVariable UUID tenantId, @RequestParam(required = false) String subscriptionsPage,
      @RequestParam(required = false) String invoicesPage, @RequestParam(required = false) String auditPage,
      Model model) {
    TenantId tenant = new TenantId(tenantId);
    model.addAttribute("organisation", organisations.get(tenant));
    var subscriptions = organisations.subscriptions(tenant, PageRequest.parse(subscriptionsPage, ROWS));
    var invoices = organisations.invoices(tenant, PageRequest.parse(invoicesPage, ROWS));
    var audit = organisations.auditTrail(tenant, PageRequest.parse(auditPage, ROWS));
    model.addAttribute("subscriptions", subscriptions.items());
    model.addAttribute("subscriptionsPager", PageLinks.of(subscriptions, "subscriptionsPage"));
    model.addAttribute("invoices", invoices.items());
    model.addAttribute("invoicesPager", PageLinks.of(invoices, "invoicesPage"));
    model.addAttribute("events", audit.items());
    model.addAttribute("auditPager", PageLinks.of(audit, "auditPage"));
    return "organisation/view";
  }
}
