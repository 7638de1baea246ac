package org.billingcenter.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.api.PageLinks;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.Notes;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.support.QueueFilter;
import org.billingcenter.support.SupportConsole;
import org.billingcenter.support.SupportConsole.QueueItem;
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
 * The support console's queue across organisations: filter by status, language and waiting time,
 * search by organisation, oldest first; claim, complete or withdraw from the card. Working a request
 * in depth happens on its own page ({@link SupportRequestPages}).
 */
@Controller
@RequestMapping("/support")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class SupportPages {

  /** The languages a request can ask for, in the filter's order. */
  static final List<String> LANGUAGES = List.of("en", "fr", "da", "bg", "zh-CN", "zh-TW");

  private final CallbackService callbacks;
  private final SupportConsole console;
  private final PageForms forms;

  SupportPages(CallbackService callbacks, SupportConsole console, PageForms forms) {
    this.callbacks = callbacks;
    this.console = console;
    this.forms = forms;
  }

  @GetMapping
  String queue(@Valid @ModelAttribute("filter") QueueFilter filter, BindingResult errors, PageRequest page,
      Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return show(QueueFilter.NEW, PageRequest.FIRST, model);
    }
    return show(filter, page, model);
  }

  private String show(QueueFilter filter, PageRequest page, Model model) {
    Page<QueueItem> items = console.queue(filter, page);
    model.addAttribute("status", filter.statusOrNew());
    model.addAttribute("statuses", CallbackStatus.values());
    model.addAttribute("languages", LANGUAGES);
    model.addAttribute("items", items.items());
    model.addAttribute("total", items.total());
    model.addAttribute("pager", PageLinks.of(items, "page"));
    return "support/console";
  }

  /** From the queue back to the queue; from the request's page ({@code back=request}) back to it. */
  @PostMapping("/{tenant}/{id}/claim")
  String claim(@PathVariable UUID tenant, @PathVariable UUID id, @RequestParam(required = false) String back,
      Principal me, RedirectAttributes flash) {
    callbacks.claim(new TenantId(tenant), id, me.getName());
    flash.addFlashAttribute("notice", "support.notice.claimed");
    return "request".equals(back) ? "redirect:/support/" + tenant + "/" + id : "redirect:/support?status=CLAIMED";
  }

  @PostMapping("/{tenant}/{id}/complete")
  String complete(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("engineerNotes") Notes notes, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, id, Set.of())) {
      return show(new QueueFilter(CallbackStatus.CLAIMED, null, null, null), PageRequest.FIRST, model);
    }
    callbacks.complete(new TenantId(tenant), id, me.getName(), notes.notes());
    flash.addFlashAttribute("notice", "support.notice.completed");
    return "redirect:/support?status=COMPLETED";
  }

  @PostMapping("/{tenant}/{id}/withdraw")
  String withdraw(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("engineerNotes") Notes notes, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, id, Set.of())) {
      return show(new QueueFilter(CallbackStatus.CLAIMED, null, null, null), PageRequest.FIRST, model);
    }
    callbacks.withdraw(new TenantId(tenant), id, me.getName(), notes.notes());
    flash.addFlashAttribute("notice", "support.notice.withdrawn");
    return "redirect:/support?status=WITHDRAWN";
  }
}
