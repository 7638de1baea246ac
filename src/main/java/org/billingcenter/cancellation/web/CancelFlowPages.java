package org.billingcenter.cancellation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
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
import org.billingcenter.web.PageForms;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
  private final PageForms forms;
  private final MessageSource messages;

  CancelFlowPages(CancellationService cancellations, SubscriptionService subscriptions, CallbackService callbacks,
      BillingService billing, PageForms forms, MessageSource messages) {
    this.cancellations = cancellations;
    this.subscriptions = subscriptions;
    this.callbacks = callbacks;
    this.billing = billing;
    this.forms = forms;
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
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("survey") Request survey, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale, RedirectAttributes flash) throws MissingServletRequestParameterException {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, survey == null || survey.when() == null ? CancelWhen.NOW : survey.when(), me, model);
    }
    // Nothing is pre-selected: no answer goes back to the survey with a word why.
    if (survey.when() != null && survey.reason() == null) {
      flash.addFlashAttribute("error", messages.getMessage("cancel.survey.required", null, locale));
      return "redirect:/billing/subscriptions/" + id + "/cancel?when=" + survey.when();
    }
    chosen(survey);
    SubscriptionId subscription = new SubscriptionId(id);
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("check", cancellations.check(tenant, subscription, Canceller.of(me), survey.when()));
    model.addAttribute("when", survey.when());
    model.addAttribute("reason", survey.reason());
    model.addAttribute("comment", survey.comment());
    return "cancellation/confirm";
  }

  @PostMapping("/cancel")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String cancel(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("survey") Request survey, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) throws MissingServletRequestParameterException {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, survey == null || survey.when() == null ? CancelWhen.NOW : survey.when(), me, model);
    }
    chosen(survey);
    cancellations.cancel(tenant, new SubscriptionId(id), Canceller.of(me), survey);
    return "redirect:/billing/subscriptions/" + id + "/cancel/done";
  }

  /** The pages always send both (a hidden field and a radio group): without them the request is malformed. */
  private static void chosen(Request survey) throws MissingServletRequestParameterException {
    if (survey.when() == null) {
      throw new MissingServletRequestParameterException("when", CancelWhen.class.getSimpleName());
    }
    if (survey.reason() == null) {
      throw new MissingServletRequestParameterException("reason", LeavingReason.class.getSimpleName());
    }
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
  String callback(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("callback") NewCallback ask, BindingResult errors, Principal me,
      RedirectAttributes flash, @AuthenticationPrincipal SignedInAccount account, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    // The subscription is the one in the address, whatever the form says.
    if (forms.refused(errors, request, response, locale, model, null, Set.of("subscriptionId"))) {
      return check(tenant, id, CancelWhen.NOW, account, model);
    }
    callbacks.request(tenant, ask.about(new SubscriptionId(id)), me.getName());
    flash.addFlashAttribute("notice", "cancel.callback.requested");
    return "redirect:/billing/subscriptions/" + id + "/cancel";
  }

}
