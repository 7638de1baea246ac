package org.billingcenter.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.billingcenter.api.PageLinks;
import org.billingcenter.catalog.CatalogEntry;
import org.billingcenter.catalog.NewPrice;
import org.billingcenter.catalog.PlanStatus;
import org.billingcenter.catalog.PricingService;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.web.PageForms;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's catalog: the list, a price change (form → preview of who pays it from when →
 * confirmation → done) and retirement or its undoing (confirmation → done).
 */
@Controller
@RequestMapping("/operator/catalog")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorCatalogPages {

  private final PricingService pricing;
  private final PageForms forms;

  OperatorCatalogPages(PricingService pricing, PageForms forms) {
    this.pricing = pricing;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String q, PageRequest page, Model model) {
    String query = q == null || q.length() > PricingService.MAX_QUERY ? "" : q.strip();
    Page<CatalogEntry> entries = pricing.entries(query, page);
    model.addAttribute("q", query);
    model.addAttribute("entries", entries.items());
    model.addAttribute("pager", PageLinks.of(entries, "page"));
    return "catalog/list";
  }

  @GetMapping("/{id}/price")
  String priceForm(@PathVariable String id, Model model) {
    model.addAttribute("entry", pricing.entry(id));
    model.addAttribute("earliest", pricing.earliestEffectiveDate());
    model.addAttribute("noticeDays", pricing.noticeDays());
    model.addAttribute("maxPrice", org.billingcenter.shared.Limits.MAX_UNIT_PRICE_MINOR);
    return "catalog/price";
  }

  @GetMapping("/{id}/price/preview")
  String preview(@PathVariable String id, @Valid @ModelAttribute("asked") NewPrice asked, BindingResult errors,
      HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
    if (forms.refused(errors, request, response, locale, model)) {
      return priceForm(id, model);
    }
    model.addAttribute("entry", pricing.entry(id));
    model.addAttribute("preview", pricing.preview(id, asked.unitPriceMinor(), asked.effectiveFrom()));
    return "catalog/price-preview";
  }

  @PostMapping("/{id}/price")
  String changePrice(@PathVariable String id, @Valid @ModelAttribute("asked") NewPrice asked, BindingResult errors,
      HttpServletRequest request, HttpServletResponse response, Locale locale, Model model, Principal me,
      RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      return priceForm(id, model);
    }
    pricing.changePrice(id, asked.unitPriceMinor(), asked.effectiveFrom(), me.getName());
    flash.addFlashAttribute("notice", "catalog.notice.price-changed");
    return "redirect:/operator/catalog?q=" + id;
  }

  @GetMapping("/{id}/retirement")
  String confirmRetirement(@PathVariable String id, Model model) {
    model.addAttribute("entry", pricing.entry(id));
    return "catalog/retirement";
  }

  /** Retires the plan or puts it on sale again, as the confirmation said. */
  @PostMapping("/{id}/retirement")
  String setStatus(@PathVariable String id, @Valid @ModelAttribute("confirmed") StatusForm confirmed,
      BindingResult errors, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
      Principal me, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      return confirmRetirement(id, model);
    }
    if (confirmed.status() == PlanStatus.RETIRED) {
      pricing.retire(id, me.getName());
      flash.addFlashAttribute("notice", "catalog.notice.retired");
    } else {
      pricing.unretire(id, me.getName());
      flash.addFlashAttribute("notice", "catalog.notice.unretired");
    }
    return "redirect:/operator/catalog?q=" + id;
  }
}
