package org.billingcenter.licensing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.licensing.QuantityChangePreview;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.licensing.QuantityChangeService.Request;
import org.billingcenter.licensing.QuantityChangeWhen;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.web.PageForms;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * Buy licenses and Remove licenses: (1) how many (and, buying, now or at the renewal) with the
 * preview of what it costs or returns and when; (2) a deliberate confirmation (a ticked box);
 * (3) done. Both flows post the previewed total and timing, so the change is exactly the preview.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}")
class QuantityChangePages {

  private static final String FLOW = "licensing/quantity-change";

  private final QuantityChangeService quantities;
  private final SubscriptionService subscriptions;
  private final PageForms forms;
  private final MessageSource messages;

  QuantityChangePages(QuantityChangeService quantities, SubscriptionService subscriptions, PageForms forms,
      MessageSource messages) {
    this.quantities = quantities;
    this.subscriptions = subscriptions;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping("/buy-licenses")
  String buy(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam(required = false) Integer add,
      @RequestParam(defaultValue = "NOW") QuantityChangeWhen when, @AuthenticationPrincipal SignedInAccount me,
      Model model) {
    SummaryAndTarget flow = target(tenant, id, add, +1);
    return check(tenant, flow, "buy", add, when, me, model);
  }

  @GetMapping("/remove-licenses")
  String remove(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam(required = false) Integer remove,
      @AuthenticationPrincipal SignedInAccount me, Model model) {
    // Removing: the rules choose now (within the reduction window) or at the renewal.
    return check(tenant, target(tenant, id, remove, -1), "remove", remove, null, me, model);
  }

  @PostMapping("/quantity-change/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("change") Request change, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) throws MissingServletRequestParameterException {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, target(tenant, id, null, +1), "buy", null, QuantityChangeWhen.NOW, me, model);
    }
    chosen(change);
    SubscriptionId subscription = new SubscriptionId(id);
    QuantityChangePreview preview =
        quantities.preview(tenant, subscription, change.quantity(), change.when(), Set.copyOf(me.roles()));
    model.addAttribute("row", subscriptions.get(tenant, subscription));
    model.addAttribute("preview", preview);
    return "licensing/quantity-confirm";
  }

  @PostMapping("/quantity-change")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String change(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("change") Request change, BindingResult errors,
      @RequestParam(defaultValue = "false") boolean confirmed,
      @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale, RedirectAttributes flash)
      throws MissingServletRequestParameterException {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, target(tenant, id, null, +1), "buy", null, QuantityChangeWhen.NOW, me, model);
    }
    chosen(change);
    if (!confirmed) {
      // Not ticked: the same confirmation again, saying why.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("licensing.quantity.confirm.required", null, locale));
      return review(tenant, id, change, errors, me, model, request, response, locale);
    }
    QuantityChangePreview done = quantities.change(
        tenant, new SubscriptionId(id), change.quantity(), change.when(), me.getUsername(), Set.copyOf(me.roles()));
    flash.addFlashAttribute("done", done);
    return "redirect:/billing/subscriptions/" + id + "/quantity-change/done";
  }

  @GetMapping("/quantity-change/done")
  String done(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    model.addAttribute("row", subscriptions.get(tenant, new SubscriptionId(id)));
    return "licensing/quantity-done";
  }

  /** The subscription and the total asked for: the current quantity plus or minus the number typed. */
  private record SummaryAndTarget(SubscriptionSummary row, Integer quantity) {}

  private SummaryAndTarget target(TenantId tenant, UUID id, Integer count, int sign) {
    SubscriptionSummary row = subscriptions.get(tenant, new SubscriptionId(id));
    if (count == null || count < 1) {
      return new SummaryAndTarget(row, null);
    }
    long total = row.subscription().quantity() + (long) sign * count;
    return new SummaryAndTarget(row, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, total)));
  }

  private String check(TenantId tenant, SummaryAndTarget flow, String kind, Integer count, QuantityChangeWhen when,
      SignedInAccount me, Model model) {
    model.addAttribute("row", flow.row());
    model.addAttribute("flow", kind);
    model.addAttribute("count", count);
    model.addAttribute("when", when);
    model.addAttribute("whens", QuantityChangeWhen.values());
    model.addAttribute("invalidCount", count != null && count < 1);
    if (flow.quantity() != null) {
      model.addAttribute("preview", quantities.preview(
          tenant, flow.row().subscription().id(), flow.quantity(), when, Set.copyOf(me.roles())));
    }
    return FLOW;
  }

  /** The pages always send both (hidden fields): without them the request is malformed. */
  private static void chosen(Request change) throws MissingServletRequestParameterException {
    if (change.when() == null) {
      throw new MissingServletRequestParameterException("when", QuantityChangeWhen.class.getSimpleName());
    }
  }
}
