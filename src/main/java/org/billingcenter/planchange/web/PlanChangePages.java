package org.billingcenter.planchange.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Problems;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.planchange.PlanChangeDecision;
import org.billingcenter.planchange.PlanChangeService;
import org.billingcenter.planchange.PlanChangeService.Request;
import org.billingcenter.planchange.PlanChanger;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.web.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Change plan: (1) choose a plan, upgrades first, (2) the preview, (3) a deliberate confirmation,
 * (4) done. Change billing frequency: the same product's plan of the other frequency, preview,
 * confirmation, done. Each step asks the service again, so what is confirmed is what happens.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}")
class PlanChangePages {

  private final PlanChangeService planChanges;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final PageForms forms;
  private final Problems problems;

  PlanChangePages(PlanChangeService planChanges, SubscriptionService subscriptions, CatalogService catalog,
      PageForms forms, Problems problems) {
    this.planChanges = planChanges;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.forms = forms;
    this.problems = problems;
  }

  @GetMapping("/change-plan")
  String choose(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam(required = false) String planId,
      @AuthenticationPrincipal SignedInAccount me, Model model) {
    SubscriptionId subscription = subscription(tenant, id, model);
    model.addAttribute("choices", planChanges.choicesFor(tenant, subscription));
    Set<String> upgrades =
        planChanges.upgradesFor(tenant, subscription).stream().map(Plan::id).collect(Collectors.toSet());
    model.addAttribute("upgrades", upgrades);
    model.addAttribute("planId", planId);
    boolean chosen = planId != null && !planId.isBlank();
    model.addAttribute("decision", chosen ? planChanges.check(tenant, subscription, PlanChanger.of(me), planId) : null);
    return "planchange/choose";
  }

  @PostMapping("/change-plan/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @ModelAttribute("choice") Request choice,
      BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return choose(tenant, id, null, me, model);
    }
    SubscriptionId subscription = subscription(tenant, id, model);
    model.addAttribute("decision", planChanges.check(tenant, subscription, PlanChanger.of(me), choice.planId()));
    model.addAttribute("frequency", false);
    return "planchange/confirm";
  }

  @PostMapping("/change-plan")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String change(@CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @ModelAttribute("choice") Request choice,
      BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      return choose(tenant, id, null, me, model);
    }
    PlanChangeDecision done = planChanges.change(tenant, new SubscriptionId(id), PlanChanger.of(me), choice);
    flash.addFlashAttribute("done", problems.text(done.message(true), locale));
    return "redirect:/billing/subscriptions/" + id + "/change-plan/done";
  }

  @GetMapping("/change-plan/done")
  String done(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    subscription(tenant, id, model);
    model.addAttribute("frequency", false);
    return "planchange/done";
  }

  @GetMapping("/change-frequency")
  String frequency(@CurrentTenant TenantId tenant, @PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me,
      Model model) {
    SubscriptionId subscription = subscription(tenant, id, model);
    model.addAttribute("decision", planChanges.checkFrequency(tenant, subscription, PlanChanger.of(me)));
    return "planchange/frequency";
  }

  @PostMapping("/change-frequency/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String reviewFrequency(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @AuthenticationPrincipal SignedInAccount me, Model model) {
    SubscriptionId subscription = subscription(tenant, id, model);
    model.addAttribute("decision", planChanges.checkFrequency(tenant, subscription, PlanChanger.of(me)));
    model.addAttribute("frequency", true);
    return "planchange/confirm";
  }

  @PostMapping("/change-frequency")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String changeFrequency(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @AuthenticationPrincipal SignedInAccount me, Locale locale, RedirectAttributes flash) {
    PlanChangeDecision done = planChanges.changeFrequency(tenant, new SubscriptionId(id), PlanChanger.of(me));
    flash.addFlashAttribute("done", problems.text(done.message(true), locale));
    return "redirect:/billing/subscriptions/" + id + "/change-frequency/done";
  }

  @GetMapping("/change-frequency/done")
  String frequencyDone(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    subscription(tenant, id, model);
    model.addAttribute("frequency", true);
    return "planchange/done";
  }

  /** The subscription (404 outside the tenant) and its current plan, which every step shows. */
  private SubscriptionId subscription(TenantId tenant, UUID id, Model model) {
    SubscriptionId subscription = new SubscriptionId(id);
    SubscriptionSummary row = subscriptions.get(tenant, subscription);
    model.addAttribute("row", row);
    model.addAttribute("current", catalog.plan(row.subscription().planId()));
    return subscription;
  }
}
