package org.billingcenter.subscription.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ProductsOverview;
import org.billingcenter.subscription.ProductsOverview.Overview;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.web.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing › Your products, and a subscription's details with its Settings & Actions. The help panel
 * beside them ({@code ${guidance}}) comes from the help module's {@code GuidancePanel}.
 */
@Controller
@RequestMapping("/billing")
class ProductsPages {

  private final SubscriptionService subscriptions;
  private final ProductsOverview products;
  private final CatalogService catalog;
  private final TenantService tenants;
  private final PageForms forms;

  ProductsPages(SubscriptionService subscriptions, ProductsOverview products, CatalogService catalog, TenantService tenants,
      PageForms forms) {
    this.subscriptions = subscriptions;
    this.products = products;
    this.catalog = catalog;
    this.tenants = tenants;
    this.forms = forms;
  }

  @GetMapping("/products")
  String products(@CurrentTenant TenantId tenant, PageRequest page, Model model) {
    Overview overview = products.read(tenant, page);
    model.addAttribute("subscriptions", overview.rows().items());
    model.addAttribute("pager", PageLinks.of(overview.rows(), "page"));
    model.addAttribute("plans", overview.plans());
    model.addAttribute("scheduled", overview.scheduled());
    // For the help panel (help.web.GuidancePanel), so it does not read every subscription again.
    model.addAttribute("everySubscription", overview.everySubscription());
    // Read with the rows: tenant.web.BillingDateAdvice would read it in a transaction of its own.
    model.addAttribute("nextBillingDate", overview.nextBillingDate());
    return "billing/products";
  }

  @GetMapping("/subscriptions/{id}")
  String details(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    SubscriptionSummary summary = subscriptions.get(tenant, new SubscriptionId(id));
    model.addAttribute("row", summary);
    model.addAttribute("plan", catalog.plan(summary.subscription().planId()));
    model.addAttribute("plans", plans());
    model.addAttribute("scheduled", subscriptions.pendingChanges(tenant, summary.subscription().id()));
    model.addAttribute("paymentMethod",
        summary.subscription().paymentMethod() == null ? null : tenants.paymentMethod(tenant, summary.subscription().paymentMethod()));
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

  /** Takes back a change scheduled for the renewal: nothing changes then. */
  @PostMapping("/subscriptions/{id}/scheduled-changes/{changeId}/withdraw")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String withdrawChange(@CurrentTenant TenantId tenant, @PathVariable UUID id, @PathVariable UUID changeId,
      Principal me, RedirectAttributes flash) {
    subscriptions.withdrawChange(tenant, new SubscriptionId(id), changeId, me.getName());
    flash.addFlashAttribute("notice", "details.notice.change-withdrawn");
    return "redirect:/billing/subscriptions/" + id;
  }

  @PostMapping("/subscriptions/{id}/payment-method")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String addPaymentMethod(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("card") NewPaymentMethod card, BindingResult errors, Principal me, RedirectAttributes flash,
      HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
    if (forms.refused(errors, request, response, locale, model)) {
      return details(tenant, id, model);
    }
    // All or nothing: the subscription is locked and checked first, then the card saved and attached.
    subscriptions.addPaymentMethod(tenant, new SubscriptionId(id), card, me.getName());
    flash.addFlashAttribute("notice", "details.notice.payment-method-added");
    return "redirect:/billing/subscriptions/" + id;
  }

  private Map<String, Plan> plans() {
    return catalog.plans().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
  }
}
