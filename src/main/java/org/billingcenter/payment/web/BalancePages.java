package org.billingcenter.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.payment.BalanceService.Payment;
import org.billingcenter.payment.BalanceService.Preview;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pay your balance: (1) the overdue invoices, why each failed and when it is tried again, with a
 * card on file to choose (the default preselected) or a new card to type; (2) a confirmation that
 * says exactly what is charged to which card, ticked deliberately (checked here too) and carrying
 * the amount confirmed, so a balance that changed meanwhile is not charged blind; (3) the outcome.
 * A new card is saved only when the payment is made. Also the banner the home, products and
 * invoices pages load ({@code /billing/balance/banner}: those modules must not depend on this one)
 * and an invoice's payment attempts for its page.
 */
@Controller
class BalancePages {

  private final BalanceService balances;
  private final TenantService tenants;
  private final PageForms forms;
  private final MessageSource messages;

  BalancePages(BalanceService balances, TenantService tenants, PageForms forms, MessageSource messages) {
    this.balances = balances;
    this.tenants = tenants;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping("/billing/balance")
  String balance(@CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("balance", balances.balance(tenant));
    model.addAttribute("methods", balances.methods(tenant));
    return "payment/balance";
  }

  /** The overdue banner, or nothing (an empty 200: htmx swaps the placeholder away). */
  @GetMapping("/billing/balance/banner")
  String banner(@CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("balance", balances.balance(tenant));
    return "payment/balance-banner :: banner";
  }

  /** The confirmation of the chosen card on file ({@code paymentMethodId}) or of the new card typed. */
  @PostMapping("/billing/balance/review")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String review(@CurrentTenant TenantId tenant, @RequestParam(required = false) @Nullable UUID paymentMethodId,
      @Valid @ModelAttribute("card") NewPaymentMethod card, BindingResult errors, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (paymentMethodId == null && forms.refused(errors, request, response, locale, model)) {
      return balance(tenant, model);
    }
    if (paymentMethodId != null) {
      model.addAttribute("method", tenants.usablePaymentMethod(tenant, new PaymentMethodId(paymentMethodId)));
    }
    model.addAttribute("preview", balances.preview(tenant));
    return "payment/balance-confirm";
  }

  @PostMapping("/billing/balance")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String pay(@CurrentTenant TenantId tenant, @RequestParam(required = false) @Nullable UUID paymentMethodId,
      @Valid @ModelAttribute("card") NewPaymentMethod card, BindingResult errors,
      @RequestParam long expectedMinor, @RequestParam(defaultValue = "false") boolean confirmed, Principal me,
      Model model, HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes flash) {
    if (paymentMethodId == null && forms.refused(errors, request, response, locale, model)) {
      return balance(tenant, model);
    }
    if (!confirmed) {
      // Not ticked: the same confirmation again, saying why.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("balance.confirm.required", null, locale));
      return review(tenant, paymentMethodId, card, errors, model, request, response, locale);
    }
    Preview preview = balances.preview(tenant);
    Money expected = Money.of(expectedMinor, preview.amount().currency().getCurrencyCode());
    Payment done = paymentMethodId != null
        ? balances.pay(tenant, new PaymentMethodId(paymentMethodId), expected, me.getName())
        : balances.payWithNewCard(tenant, card, expected, me.getName());
    flash.addFlashAttribute("outcome", Outcome.of(done, preview));
    return "redirect:/billing/balance/done";
  }

  /** The outcome, once (it comes as a flash attribute); a reload goes back to the balance. */
  @GetMapping("/billing/balance/done")
  String done(@CurrentTenant TenantId tenant, Model model) {
    if (!model.containsAttribute("outcome")) {
      return "redirect:/billing/balance";
    }
    return "payment/balance-done";
  }

  /** The invoice page's list of payment attempts (loaded by htmx); another organisation's invoice: 404. */
  @GetMapping("/billing/invoices/{id}/payment-attempts")
  String attempts(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    try {
      model.addAttribute("attempts", balances.attempts(tenant, id));
    } catch (Rejected notOurs) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return "payment/balance-attempts :: attempts";
  }
}
