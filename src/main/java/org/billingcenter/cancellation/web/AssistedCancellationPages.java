package org.billingcenter.cancellation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.api.PageLinks;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.AssistedRequest;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.web.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assisted cancellation from the support console: a support engineer cancels on an organisation's
 * behalf, typically after a callback. It lives with cancellation (as its API does), because the
 * cancellation pages already use support's callbacks and support must not depend back on
 * cancellation.
 */
@Controller
@RequestMapping("/support")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class AssistedCancellationPages {

  private final CancellationService cancellations;
  private final CallbackService callbacks;
  private final PageForms forms;

  AssistedCancellationPages(CancellationService cancellations, CallbackService callbacks, PageForms forms) {
    this.cancellations = cancellations;
    this.callbacks = callbacks;
    this.forms = forms;
  }

  @PostMapping("/{tenant}/subscriptions/{subscription}/cancel")
  String assistedCancel(@PathVariable UUID tenant, @PathVariable UUID subscription,
      @Valid @ModelAttribute("assisted") AssistedRequest assisted, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, subscription, Set.of())) {
      return claimedQueue(model);
    }
    cancellations.cancel(new TenantId(tenant), new SubscriptionId(subscription),
        new Canceller(me.getName(), Set.of(Role.SUPPORT_ENGINEER), assisted.note()), assisted.request());
    flash.addFlashAttribute("notice", "support.notice.cancelled");
    return "redirect:/support?status=CLAIMED";
  }

  /** The console's claimed queue, where the form was, shown again with the field errors (as support.web does). */
  private String claimedQueue(Model model) {
    Page<CallbackRequest> requests = callbacks.queue(CallbackStatus.CLAIMED, PageRequest.FIRST);
    model.addAttribute("status", CallbackStatus.CLAIMED);
    model.addAttribute("statuses", CallbackStatus.values());
    model.addAttribute("requests", requests.items());
    model.addAttribute("pager", PageLinks.of(requests, "page"));
    return "support/console";
  }
}
