package org.billingcenter.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.Problems;
import org.billingcenter.payment.CardChange;
import org.billingcenter.payment.NewCard;
import org.billingcenter.payment.PaymentMethods;
import org.billingcenter.payment.PaymentMethods.Entry;
import org.billingcenter.payment.PaymentMethods.Replacement;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.web.PageForms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 18: Payment methods. Everyone of the organisation sees the list; Global and Billing admins
 * add, edit, make default, replace one for all subscriptions (choose → preview → confirm) and
 * remove one (confirm; refused while in use). Plain forms with POST-redirect-GET; htmx only swaps
 * the replacement's preview in.
 */
@Controller
class PaymentMethodPages {

  private static final String MANAGERS = "hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')";
  private static final String LIST = "redirect:/billing/payment-methods";

  private final PaymentMethods methods;
  private final TenantService tenants;
  private final PageForms forms;
  private final Problems problems;
  private final MessageSource messages;

  PaymentMethodPages(PaymentMethods methods, TenantService tenants, PageForms forms, Problems problems,
      MessageSource messages) {
    this.methods = methods;
    this.tenants = tenants;
    this.forms = forms;
    this.problems = problems;
    this.messages = messages;
  }

  @GetMapping("/billing/payment-methods")
  String list(@CurrentTenant TenantId tenant, PageRequest page, Model model) {
    Page<Entry> found = methods.list(tenant, page);
    model.addAttribute("methods", found.items());
    model.addAttribute("pager", PageLinks.of(found, "page"));
    return "payment/methods";
  }

  @GetMapping("/billing/payment-methods/new")
  @PreAuthorize(MANAGERS)
  String addForm(@CurrentTenant TenantId tenant, Model model) {
    return form(tenant, null, model);
  }

  @PostMapping("/billing/payment-methods")
  @PreAuthorize(MANAGERS)
  String add(@CurrentTenant TenantId tenant, @Valid @ModelAttribute("card") NewCard card, BindingResult errors,
      Principal me, RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response,
      Locale locale) {
    if (!forms.refused(errors, request, response, locale, model)) {
      try {
        Entry added = methods.add(tenant, card, me.getName());
        return done(flash, locale, "methods.notice.added", label(added.method(), locale));
      } catch (Rejected refused) {
        refusedAgain(refused, errors, request, response, locale, model);
      }
    }
    return form(tenant, null, model);
  }

  @GetMapping("/billing/payment-methods/{id}/edit")
  @PreAuthorize(MANAGERS)
  String editForm(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    return form(tenant, methods.get(tenant, new PaymentMethodId(id)), model);
  }

  @PostMapping("/billing/payment-methods/{id}")
  @PreAuthorize(MANAGERS)
  String edit(@CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @ModelAttribute("change") CardChange change,
      BindingResult errors, Principal me, RedirectAttributes flash, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    PaymentMethodId method = new PaymentMethodId(id);
    Entry current = methods.get(tenant, method);
    if (!forms.refused(errors, request, response, locale, model)) {
      try {
        Entry edited = methods.update(tenant, method, change, me.getName());
        return done(flash, locale, "methods.notice.updated", label(edited.method(), locale));
      } catch (Rejected refused) {
        refusedAgain(refused, errors, request, response, locale, model);
      }
    }
    return form(tenant, current, model);
  }

  @PostMapping("/billing/payment-methods/{id}/default")
  @PreAuthorize(MANAGERS)
  String makeDefault(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash,
      Locale locale) {
    Entry chosen = methods.makeDefault(tenant, new PaymentMethodId(id), me.getName());
    return done(flash, locale, "methods.notice.default", label(chosen.method(), locale));
  }

  /** Choose the replacement; with {@code with}, the preview and the confirmation (htmx: the preview alone). */
  @GetMapping("/billing/payment-methods/{id}/replace")
  @PreAuthorize(MANAGERS)
  String replaceCheck(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(name = "with", required = false) @Nullable UUID with,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
    PaymentMethodId from = new PaymentMethodId(id);
    Entry old = methods.get(tenant, from);
    model.addAttribute("entry", old);
    model.addAttribute("others", methods.all(tenant).stream().filter(m -> !m.id().equals(from)).toList());
    if (with != null) {
      model.addAttribute("preview", methods.previewReplacement(tenant, from, new PaymentMethodId(with)));
    }
    return htmx != null && with != null ? "payment/methods-replace :: preview" : "payment/methods-replace";
  }

  @PostMapping("/billing/payment-methods/{id}/replace")
  @PreAuthorize(MANAGERS)
  String replace(@CurrentTenant TenantId tenant, @PathVariable UUID id, @RequestParam UUID replacementId,
      Principal me, RedirectAttributes flash, Locale locale) {
    Replacement done = methods.replace(tenant, new PaymentMethodId(id), new PaymentMethodId(replacementId),
        me.getName());
    return done(flash, locale, "methods.notice.replaced", done.subscriptions(), label(done.to(), locale));
  }

  /** The confirmation, or (in use) why it cannot go yet and the way to replace it. */
  @GetMapping("/billing/payment-methods/{id}/remove")
  @PreAuthorize(MANAGERS)
  String removeConfirm(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model, Locale locale) {
    Entry entry = methods.get(tenant, new PaymentMethodId(id));
    boolean defaultWithOthers = entry.isDefault() && methods.all(tenant).size() > 1;
    model.addAttribute("entry", entry);
    if (entry.subscriptions() > 0 || defaultWithOthers) {
      Rejected refusal = PaymentMethods.inUse(entry.subscriptions(), defaultWithOthers);
      model.addAttribute("inUse", problems.detail(refusal.reason().code(), refusal.arguments(), locale));
    }
    return "payment/methods-remove";
  }

  @PostMapping("/billing/payment-methods/{id}/remove")
  @PreAuthorize(MANAGERS)
  String remove(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash,
      Locale locale) {
    PaymentMethodId method = new PaymentMethodId(id);
    String removed = label(methods.get(tenant, method).method(), locale);
    methods.remove(tenant, method, me.getName());
    return done(flash, locale, "methods.notice.removed", removed);
  }

  /** The add form (entry null) or the edit form, with the years the service accepts. */
  private String form(TenantId tenant, @Nullable Entry entry, Model model) {
    int year = tenants.today(tenant).getYear();
    model.addAttribute("entry", entry);
    model.addAttribute("minYear", year);
    model.addAttribute("maxYear", year + PaymentMethods.MAX_YEARS_AHEAD);
    model.addAttribute("sandbox", methods.sandbox());
    return "payment/methods-form";
  }

  /**
   * A rule of the service (an expired card, one too far ahead, a card number for a token) refused
   * what the form allowed: the field's error, the form shown again with what was typed. Anything
   * else (another admin removed it meanwhile) goes on to the page refusal.
   */
  private void refusedAgain(Rejected refused, BindingResult errors, HttpServletRequest request,
      HttpServletResponse response, Locale locale, Model model) {
    String field = switch (refused.reason().code()) {
      case "PAYMENT_TOKEN_LOOKS_LIKE_CARD_NUMBER" -> "token";
      case "PAYMENT_METHOD_EXPIRED", "PAYMENT_METHOD_EXPIRY_TOO_FAR" -> "expiryYear";
      default -> throw refused;
    };
    errors.addError(new FieldError(errors.getObjectName(), field, request.getParameter(field), false,
        new String[] {"error." + refused.reason().code().toLowerCase(Locale.ROOT)}, refused.arguments().toArray(), null));
    forms.refused(errors, request, response, locale, model);
  }

  private String label(PaymentMethod method, Locale locale) {
    return messages.getMessage("methods.card", new Object[] {method.brand(), method.last4()}, locale);
  }

  private String done(RedirectAttributes flash, Locale locale, String notice, Object... arguments) {
    flash.addFlashAttribute("noticeText", messages.getMessage(notice, arguments, locale));
    return LIST;
  }
}
