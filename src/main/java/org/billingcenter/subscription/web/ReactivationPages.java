package org.billingcenter.subscription.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.ReactivationPreview;
import org.billingcenter.subscription.Reactivations;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.web.PageForms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
 * Reactivate an EXPIRED or DISABLED subscription: (1) the preview of the first charge and period,
 * with a payment method on file to choose or a new card to type; (2) a deliberate confirmation
 * (a ticked box), which carries the choice; (3) done. A new card is saved only with the
 * reactivation, in its transaction. Posting twice cannot charge twice: the second finds it ACTIVE.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}/reactivate")
class ReactivationPages {

  private final Reactivations reactivations;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final PageForms forms;
  private final MessageSource messages;

  ReactivationPages(Reactivations reactivations, SubscriptionService subscriptions, TenantService tenants,
      PageForms forms, MessageSource messages) {
    this.reactivations = reactivations;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping
  String check(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("preview", reactivations.preview(tenant, subscription));
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("methods", tenants.paymentMethods(tenant, new PageRequest(1, PageRequest.MAX_SIZE)).items());
    return "subscription/reactivate-check";
  }

  /** The confirmation of the chosen card on file ({@code paymentMethodId}) or of the new card typed. */
  @PostMapping("/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID paymentMethodId,
      @Valid @ModelAttribute("card") NewPaymentMethod card, BindingResult errors, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (paymentMethodId == null && forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, model);
    }
    SubscriptionId subscription = new SubscriptionId(id);
    if (paymentMethodId != null) {
      model.addAttribute("method", tenants.paymentMethod(tenant, new PaymentMethodId(paymentMethodId)));
    }
    model.addAttribute("preview", reactivations.preview(tenant, subscription));
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    return "subscription/reactivate-confirm";
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String reactivate(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID paymentMethodId,
      @Valid @ModelAttribute("card") NewPaymentMethod card, BindingResult errors,
      @RequestParam(defaultValue = "false") boolean confirmed, Principal me, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes flash) {
    if (paymentMethodId == null && forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, model);
    }
    if (!confirmed) {
      // Not ticked: the same confirmation again, saying why.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("reactivate.confirm.required", null, locale));
      return review(tenant, id, paymentMethodId, card, errors, model, request, response, locale);
    }
    SubscriptionId subscription = new SubscriptionId(id);
    ReactivationPreview done = paymentMethodId != null
        ? reactivations.reactivate(tenant, subscription, new PaymentMethodId(paymentMethodId), me.getName())
        : reactivations.reactivate(tenant, subscription, card, me.getName());
    flash.addFlashAttribute("done", done);
    return "redirect:/billing/subscriptions/" + id + "/reactivate/done";
  }

  @GetMapping("/done")
  String done(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    model.addAttribute("row", subscriptions.get(tenant, new SubscriptionId(id)));
    return "subscription/reactivate-done";
  }
}
