package org.billingcenter.billingprofile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Problems;
import org.billingcenter.billingprofile.BillingProfileChange;
import org.billingcenter.billingprofile.BillingProfileRules;
import org.billingcenter.billingprofile.BillingProfileService;
import org.billingcenter.billingprofile.InvalidBillingProfile;
import org.billingcenter.billingprofile.InvoiceLanguage;
import org.billingcenter.billingprofile.SavedBillingProfile;
import org.billingcenter.shared.TenantId;
import org.billingcenter.web.PageForms;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing profile: one form with every field, the country shown read-only. Global and Billing
 * admins save it (a refused save shows the form again, 422, each reason beside its field, in the
 * page's language; a saved one redirects with a confirmation); Readers see it without the form's
 * controls enabled.
 */
@Controller
@RequestMapping(BillingProfilePages.PATH)
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','READER')")
class BillingProfilePages {

  static final String PATH = "/settings/billing-profile";

  /** The form's fields, in the order of the page. */
  private static final String[] FIELDS = {"legalName", "addressLine1", "addressLine2", "postalCode", "city", "region",
      "taxId", "purchaseOrder", "invoiceLanguage", "attachPdf", "electronicInvoice"};

  private final BillingProfileService profiles;
  private final PageForms forms;
  private final Problems problems;

  BillingProfilePages(BillingProfileService profiles, PageForms forms, Problems problems) {
    this.profiles = profiles;
    this.forms = forms;
    this.problems = problems;
  }

  /** The refused fields of a save, each with its localised reason (what {@code fragments/layout :: field-error} reads). */
  public record FieldErrors(Map<String, String> errors) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  @GetMapping
  String show(@CurrentTenant TenantId tenant, Locale locale, Model model) {
    SavedBillingProfile saved = profiles.saved(tenant);
    return page(saved, values(BillingProfileChange.of(saved.profile())), locale, model);
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String save(@CurrentTenant TenantId tenant, @ModelAttribute("change") BillingProfileChange change,
      BindingResult errors, Principal me, HttpServletRequest request, HttpServletResponse response, Locale locale,
      Model model, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) { // a checkbox sent something else than true
      return page(profiles.saved(tenant), typed(request), locale, model);
    }
    try {
      profiles.update(tenant, change, me.getName());
    } catch (InvalidBillingProfile e) {
      Map<String, String> reasons = new LinkedHashMap<>();
      for (BillingProfileRules.Violation v : e.violations()) {
        reasons.putIfAbsent(v.field(), problems.detail(v.reason().code(), v.arguments(), locale));
      }
      model.addAttribute("form", new FieldErrors(reasons));
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(profiles.saved(tenant), typed(request), locale, model);
    }
    flash.addFlashAttribute("notice", "billingprofile.page.saved");
    return "redirect:" + PATH;
  }

  private static String page(SavedBillingProfile saved, Map<String, String> values, Locale locale, Model model) {
    model.addAttribute("saved", saved);
    // The country's name in the page's language (the JDK's CLDR names), with its code beside it.
    model.addAttribute("countryName", new Locale.Builder().setRegion(saved.profile().country()).build().getDisplayCountry(locale));
    model.addAttribute("values", values);
    model.addAttribute("languages", InvoiceLanguage.TAGS);
    return "billingprofile/edit";
  }

  private static Map<String, String> values(BillingProfileChange c) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("legalName", c.legalName());
    values.put("addressLine1", c.addressLine1());
    values.put("addressLine2", c.addressLine2());
    values.put("postalCode", c.postalCode());
    values.put("city", c.city());
    values.put("region", c.region());
    values.put("taxId", c.taxId());
    values.put("purchaseOrder", c.purchaseOrder());
    values.put("invoiceLanguage", c.invoiceLanguage());
    values.put("attachPdf", String.valueOf(Boolean.TRUE.equals(c.attachPdf())));
    values.put("electronicInvoice", String.valueOf(Boolean.TRUE.equals(c.electronicInvoice())));
    return values;
  }

  /** What was typed, so a refused form loses nothing. */
  private static Map<String, String> typed(HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      values.put(field, request.getParameter(field));
    }
    return values;
  }
}
