package org.billingcenter.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.billing.BillingReason;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceVoids;
import org.billingcenter.billing.InvoiceVoids.VoidRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.web.PageForms;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 16: the operator's view of one organisation's invoice, and voiding it: the invoice → the
 * preview of what the void does, with a mandatory reason and a confirmation → the invoice, VOID.
 * The organisation comes from the address: the operator works for every organisation.
 */
@Controller
@RequestMapping("/operator/organisations/{tenant}/invoices/{invoice}")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorInvoicePages {

  private final InvoiceVoids voids;
  private final TenantService tenants;
  private final PageForms forms;
  private final MessageSource messages;

  OperatorInvoicePages(InvoiceVoids voids, TenantService tenants, PageForms forms, MessageSource messages) {
    this.voids = voids;
    this.tenants = tenants;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping
  String invoice(@PathVariable UUID tenant, @PathVariable UUID invoice, Model model) {
    InvoiceDocument document = found(() -> voids.invoice(new TenantId(tenant), invoice));
    model.addAttribute("invoice", document);
    model.addAttribute("refusal", InvoiceVoids.refusal(document));
    return organisation(tenant, model, "billing/operator-invoice");
  }

  @GetMapping("/void")
  String preview(@PathVariable UUID tenant, @PathVariable UUID invoice, Model model) {
    // No such invoice: 404; a refusal (paid meanwhile, void already) goes back to the invoice with the reason.
    model.addAttribute("preview", found(() -> voids.preview(new TenantId(tenant), invoice)));
    return organisation(tenant, model, "billing/operator-void");
  }

  @PostMapping("/void")
  String voidInvoice(@PathVariable UUID tenant, @PathVariable UUID invoice,
      @Valid @ModelAttribute("voidRequest") VoidRequest request, BindingResult errors,
      @RequestParam(defaultValue = "false") boolean confirmed, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest http, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, http, response, locale, model)) {
      return preview(tenant, invoice, model);
    }
    if (!confirmed) {
      // Not ticked: the same preview again, saying why; nothing is voided.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("billing.void.confirm.required", null, locale));
      return preview(tenant, invoice, model);
    }
    InvoiceVoids.VoidPreview done = voids.voidInvoice(new TenantId(tenant), invoice, request, me.getName());
    flash.addFlashAttribute("voided", done);
    return "redirect:/operator/organisations/" + tenant + "/invoices/" + invoice;
  }

  private String organisation(UUID tenant, Model model, String view) {
    model.addAttribute("tenantId", tenant);
    model.addAttribute("tenantName", tenants.get(new TenantId(tenant)).name());
    return view;
  }

  /** No such invoice in that organisation (or no such organisation): a plain 404. */
  private static <T> T found(java.util.function.Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (Rejected e) {
      if (e.reason() == BillingReason.INVOICE_NOT_FOUND) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
      throw e;
    }
  }
}
