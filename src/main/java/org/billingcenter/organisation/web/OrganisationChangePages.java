package org.billingcenter.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.organisation.NewOrganisation;
import org.billingcenter.organisation.OrganisationService;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService.Opened;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening an organisation (the form, errors shown on it), and suspending or resuming one: a page that
 * says exactly what will happen and asks why, then the change, then the organisation with a notice.
 */
@Controller
@RequestMapping(OrganisationsPages.BASE)
@PreAuthorize("hasRole('OPERATOR')")
class OrganisationChangePages {

  private final OrganisationService organisations;
  private final PageForms forms;

  OrganisationChangePages(OrganisationService organisations, PageForms forms) {
    this.organisations = organisations;
    this.forms = forms;
  }

  @GetMapping("/new")
  String createForm(Model model) {
    model.addAttribute("locales", NewOrganisation.LOCALE_CHOICES);
    return "organisation/create";
  }

  @PostMapping
  String create(@Valid @ModelAttribute("organisation") NewOrganisation asked, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response,
      Locale locale, Model model, RedirectAttributes flash) {
    knownValues(asked, errors);
    if (forms.refused(errors, request, response, locale, model)) {
      return createForm(model);
    }
    Opened opened = organisations.open(asked, me.getUsername());
    flash.addFlashAttribute("notice", "organisation.notice.created");
    return "redirect:" + OrganisationsPages.BASE + "/" + opened.tenant().id();
  }

  @GetMapping("/{tenantId}/{change:suspend|resume}")
  String confirm(@PathVariable UUID tenantId, @PathVariable String change, Model model) {
    model.addAttribute("organisation", organisations.get(new TenantId(tenantId)));
    model.addAttribute("change", change);
    return "organisation/suspend";
  }

  @PostMapping("/{tenantId}/{change:suspend|resume}")
  String change(@PathVariable UUID tenantId, @PathVariable String change,
      @Valid @ModelAttribute("reasonForm") ReasonForm asked, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response,
      Locale locale, Model model, RedirectAttributes flash) {
    TenantId tenant = new TenantId(tenantId);
    if (forms.refused(errors, request, response, locale, model)) {
      return confirm(tenantId, change, model);
    }
    if (change.equals("suspend")) {
      organisations.suspend(tenant, asked.reason(), me.getUsername());
      flash.addFlashAttribute("notice", "organisation.notice.suspended");
    } else {
      organisations.resume(tenant, asked.reason(), me.getUsername());
      flash.addFlashAttribute("notice", "organisation.notice.resumed");
    }
    return "redirect:" + OrganisationsPages.BASE + "/" + tenant;
  }

  /** Well-formed but unknown country, currency or zone: shown on their fields like any other error. */
  private static void knownValues(NewOrganisation asked, BindingResult errors) {
    if (!errors.hasFieldErrors("country") && !OrganisationService.knownCountry(asked.country())) {
      errors.rejectValue("country", "error.organisation_country_unknown");
    }
    if (!errors.hasFieldErrors("currency") && !OrganisationService.knownCurrency(asked.currency())) {
      errors.rejectValue("currency", "error.unknown_currency");
    }
    if (!errors.hasFieldErrors("timeZone") && !OrganisationService.knownZone(asked.timeZone())) {
      errors.rejectValue("timeZone", "error.unknown_time_zone");
    }
  }
}
