package org.billingcenter.web.pages;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.help.HelpService;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Billing › Your products, and a subscription's details with its Settings & Actions. */
@Controller
@RequestMapping("/billing")
class ProductsPages {

  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final HelpService help;

  ProductsPages(SubscriptionService subscriptions, CatalogService catalog, TenantService tenants, HelpService help) {
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.tenants = tenants;
    this.help = help;
  }

  @GetMapping("/products")
  String products(@CurrentTenant TenantId tenant, Model model) {
    List<SubscriptionSummary> all = subscriptions.list(tenant);
    model.addAttribute("subscriptions", all);
    model.addAttribute("plans", plans());
    model.addAttribute("guidance", help.cancellationGuidance(all));
    return "billing/products";
  }

  @GetMapping("/subscriptions/{id}")
  String details(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    SubscriptionSummary summary = subscriptions.get(tenant, new SubscriptionId(id));
    model.addAttribute("row", summary);
    model.addAttribute("plan", catalog.plan(summary.subscription().planId()));
    model.addAttribute("paymentMethod",
        summary.subscription().paymentMethod() == null ? null : tenants.paymentMethod(tenant, summary.subscription().paymentMethod()));
    model.addAttribute("guidance", help.cancellationGuidance(tenant));
    return "billing/details";
  }

  @PostMapping("/subscriptions/{id}/auto-renew")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String autoRenew(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam boolean autoRenew,
      Principal me, RedirectAttributes flash) {
    subscriptions.setAutoRenew(tenant, new SubscriptionId(id), autoRenew, me.getName());
    flash.addFlashAttribute("notice", autoRenew ? "details.notice.auto-renew-on" : "details.notice.auto-renew-off");
    return "redirect:/billing/subscriptions/" + id;
  }

  @PostMapping("/subscriptions/{id}/payment-method")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String addPaymentMethod(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam String token,
      @RequestParam String brand, @RequestParam String last4, @RequestParam int expiryMonth,
      @RequestParam int expiryYear, Principal me, RedirectAttributes flash) {
    subscriptions.addPaymentMethod(tenant, new SubscriptionId(id),
        new NewPaymentMethod(token, brand, last4, expiryMonth, expiryYear), me.getName());
    flash.addFlashAttribute("notice", "details.notice.payment-method-added");
    return "redirect:/billing/subscriptions/" + id;
  }

  private Map<String, Plan> plans() {
    return catalog.plans().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
  }
}
