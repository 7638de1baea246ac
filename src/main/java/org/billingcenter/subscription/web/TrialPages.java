package org.billingcenter.subscription.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Problems;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionReason;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.subscription.TrialService;
import org.billingcenter.subscription.TrialPolicy;
import org.billingcenter.subscription.TrialService.BuyNow;
import org.billingcenter.subscription.TrialService.TrialOutlook;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.web.PageForms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * A trial's actions: the conversion switch, the licenses it converts with and its one extension
 * (forms of the details page's trial panel), and Buy now: (1) how many licenses and which payment
 * method, with the preview of the first charge; (2) a deliberate confirmation (a ticked box);
 * (3) done. The confirmation posts the previewed quantity and method, so the effect is the preview.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}")
class TrialPages {

  private static final String CHECK = "subscription/trial-buy-now";

  private final TrialService trials;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final CatalogService catalog;
  private final PageForms forms;
  private final Problems problems;

  TrialPages(TrialService trials, SubscriptionService subscriptions, TenantService tenants, CatalogService catalog,
      PageForms forms, Problems problems) {
    this.trials = trials;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.catalog = catalog;
    this.forms = forms;
    this.problems = problems;
  }

  /** Buy now's choice; the payment method null means the trial's own. */
  record BuyNowForm(@NotNull @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity, @Nullable UUID paymentMethod) {}

  /** The licenses to convert with; empty means those assigned at the trial's end. */
  record ConversionQuantityForm(@Nullable @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity) {}

  @PostMapping("/trial/conversion")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String conversion(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam boolean on, Principal me,
      RedirectAttributes flash) {
    subscriptions.setAutoRenew(tenant, new SubscriptionId(id), on, me.getName());
    flash.addFlashAttribute("notice", on ? "trial.notice.conversion-on" : "trial.notice.conversion-off");
    return details(id);
  }

  @PostMapping("/trial/conversion-quantity")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String conversionQuantity(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("conversionQuantity") ConversionQuantityForm form, BindingResult errors, Principal me,
      RedirectAttributes flash) {
    if (errors.hasErrors()) {
      // The panel's form lives on the details page: back there with the sentence the API would say.
      throw new Rejected(SubscriptionReason.QUANTITY_OUT_OF_RANGE, 1, Limits.MAX_QUANTITY);
    }
    trials.setConversionQuantity(tenant, new SubscriptionId(id), form.quantity(), me.getName());
    flash.addFlashAttribute("notice", "trial.notice.quantity-saved");
    return details(id);
  }

  @PostMapping("/trial/extension")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String extend(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean confirmed, Principal me, RedirectAttributes flash, Locale locale) {
    if (!confirmed) {
      flash.addFlashAttribute("error", problems.text(Message.of("trial.extend.confirm.required"), locale));
      return details(id);
    }
    trials.extend(tenant, new SubscriptionId(id), me.getName());
    flash.addFlashAttribute("notice", "trial.notice.extended");
    return details(id);
  }

  @GetMapping("/buy-now")
  String check(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(required = false) Integer quantity, @RequestParam(required = false) UUID paymentMethod,
      Model model, Locale locale) {
    SubscriptionSummary row = subscriptions.get(tenant, new SubscriptionId(id));
    TrialOutlook outlook = trials.outlook(tenant, row);
    Integer maximum = catalog.plan(row.subscription().planId()).maxQuantity();
    model.addAttribute("row", row);
    model.addAttribute("minimum", Math.max(1, row.assignedLicenses()));
    model.addAttribute("maximum", maximum == null ? Limits.MAX_QUANTITY : maximum);
    // Suggested: the number the trial would convert with at its end.
    model.addAttribute("quantity", quantity != null || outlook == null ? quantity
        : TrialPolicy.conversionQuantity(outlook.conversionQuantity(), row.assignedLicenses()));
    model.addAttribute("paymentMethods", tenants.paymentMethods(tenant, PageRequest.FIRST).items());
    if (quantity != null) {
      try {
        BuyNow preview = trials.previewBuyNow(tenant, row.subscription().id(), quantity, method(paymentMethod));
        model.addAttribute("preview", preview);
        model.addAttribute("chosenMethod", preview.paymentMethod().value());
      } catch (Rejected refused) {
        // Shown on this page: a redirect back would come here again.
        model.addAttribute("error", problems.detail(refused.reason().code(), refused.arguments(), locale));
      }
    }
    if (!model.containsAttribute("chosenMethod") && row.subscription().paymentMethod() != null) {
      model.addAttribute("chosenMethod", paymentMethod != null ? paymentMethod : row.subscription().paymentMethod().value());
    }
    return CHECK;
  }

  @PostMapping("/buy-now/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("buy") BuyNowForm buy, BindingResult errors, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, null, null, model, locale);
    }
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("preview", trials.previewBuyNow(tenant, subscription, buy.quantity(), method(buy.paymentMethod())));
    return "subscription/trial-buy-confirm";
  }

  @PostMapping("/buy-now")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String buy(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("buy") BuyNowForm buy, BindingResult errors,
      @RequestParam(defaultValue = "false") boolean confirmed, Principal me, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, null, null, model, locale);
    }
    if (!confirmed) {
      // Not ticked: the same confirmation again, saying why.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", problems.text(Message.of("trial.buy.confirm.required"), locale));
      return review(tenant, id, buy, errors, model, request, response, locale);
    }
    flash.addFlashAttribute("done",
        trials.buyNow(tenant, new SubscriptionId(id), buy.quantity(), method(buy.paymentMethod()), me.getName()));
    return "redirect:/billing/subscriptions/" + id + "/buy-now/done";
  }

  @GetMapping("/buy-now/done")
  String done(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    model.addAttribute("row", subscriptions.get(tenant, new SubscriptionId(id)));
    return "subscription/trial-buy-done";
  }

  private static String details(UUID id) {
    return "redirect:/billing/subscriptions/" + id;
  }

  private static PaymentMethodId method(UUID id) {
    return id == null ? null : new PaymentMethodId(id);
  }
}
