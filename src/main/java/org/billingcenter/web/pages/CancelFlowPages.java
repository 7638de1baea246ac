package org.billingcenter.web.pages;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.billing.BillingService;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.Request;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cancel flow: (1) the check — trial, too many licenses (remove some, or "Let us call you"),
 * or (2) the preview with the reason survey; (3) a deliberate confirmation; (4) done.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}")
class CancelFlowPages {

  private final CancellationService cancellations;
  private final SubscriptionService subscriptions;
  private final CallbackService callbacks;
  private final BillingService billing;
  private final MessageSource messages;

  CancelFlowPages(CancellationService cancellations, SubscriptionService subscriptions, CallbackService callbacks,
      BillingService billing, MessageSource messages) {
    this.cancellations = cancellations;
    this.subscriptions = subscriptions;
    this.callbacks = callbacks;
    this.billing = billing;
    this.messages = messages;
  }

  @GetMapping("/cancel")
  String check(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(defaultValue = "NOW") CancelWhen when, @AuthenticationPrincipal SignedInAccount me, Model model) {
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("check", cancellations.check(tenant, subscription, Canceller.of(me), when));
    model.addAttribute("when", when);
    model.addAttribute("reasons", LeavingReason.values());
    model.addAttribute("languages", CallbackService.LANGUAGES.stream().sorted().toList());
    return "cancellation/check";
  }

  @PostMapping("/cancel/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam CancelWhen when,
      @RequestParam(name = "reason", required = false) String chosen, @RequestParam(required = false) String comment,
      @AuthenticationPrincipal SignedInAccount me, Model model, Locale locale, RedirectAttributes flash) {
    // Nothing is pre-selected: no answer (or one we do not know) goes back to the survey with a word why.
    LeavingReason reason = Arrays.stream(LeavingReason.values()).filter(r -> r.name().equals(chosen)).findFirst().orElse(null);
    if (reason == null) {
      flash.addFlashAttribute("error", messages.getMessage("cancel.survey.required", null, locale));
      return "redirect:/billing/subscriptions/" + id + "/cancel?when=" + when;
    }
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("check", cancellations.check(tenant, subscription, Canceller.of(me), when));
    model.addAttribute("when", when);
    model.addAttribute("reason", reason);
    model.addAttribute("comment", comment);
    return "cancellation/confirm";
  }

  @PostMapping("/cancel")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String cancel(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam CancelWhen when,
      @RequestParam LeavingReason reason, @RequestParam(required = false) String comment,
      @AuthenticationPrincipal SignedInAccount me) {
    cancellations.cancel(tenant, new SubscriptionId(id), Canceller.of(me), new Request(when, reason, comment));
    return "redirect:/billing/subscriptions/" + id + "/cancel/done";
  }

  @GetMapping("/cancel/done")
  String done(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("credits", billing.credits(tenant).stream().filter(c -> c.subscription().equals(subscription)).toList());
    return "cancellation/done";
  }

  @PostMapping("/callback")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String callback(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam String contactName,
      @RequestParam String phone, @RequestParam String language, @RequestParam String preferredTimeWindow,
      Principal me, RedirectAttributes flash) {
    callbacks.request(tenant, new NewCallback(new SubscriptionId(id), contactName, phone, language, preferredTimeWindow), me.getName());
    flash.addFlashAttribute("notice", "cancel.callback.requested");
    return "redirect:/billing/subscriptions/" + id + "/cancel";
  }

}
