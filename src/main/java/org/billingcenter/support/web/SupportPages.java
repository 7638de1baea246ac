package org.billingcenter.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.api.PageLinks;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.Notes;
import org.billingcenter.support.CallbackStatus;
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
 * The support console: the callback queue across organisations. Its assisted cancellation form posts
 * to the cancellation module's pages (cancellation.web), as the API's does to cancellation.api.
 */
@Controller
@RequestMapping("/support")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class SupportPages {

  private final CallbackService callbacks;
  private final PageForms forms;

  SupportPages(CallbackService callbacks, PageForms forms) {
    this.callbacks = callbacks;
    this.forms = forms;
  }

  @GetMapping
  String queue(@RequestParam(defaultValue = "NEW") CallbackStatus status, PageRequest page, Model model) {
    Page<CallbackRequest> requests = callbacks.queue(status, page);
    model.addAttribute("status", status);
    model.addAttribute("statuses", CallbackStatus.values());
    model.addAttribute("requests", requests.items());
    model.addAttribute("pager", PageLinks.of(requests, "page"));
    return "support/console";
  }

  @PostMapping("/{tenant}/{id}/claim")
  String claim(@PathVariable UUID tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash) {
    callbacks.claim(new TenantId(tenant), id, me.getName());
    flash.addFlashAttribute("notice", "support.notice.claimed");
    return "redirect:/support?status=CLAIMED";
  }

  @PostMapping("/{tenant}/{id}/complete")
  String complete(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("engineerNotes") Notes notes, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, id, Set.of())) {
      return queue(CallbackStatus.CLAIMED, PageRequest.FIRST, model);
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
      return queue(CallbackStatus.CLAIMED, PageRequest.FIRST, model);
    }
    callbacks.withdraw(new TenantId(tenant), id, me.getName(), notes.notes());
    flash.addFlashAttribute("notice", "support.notice.withdrawn");
    return "redirect:/support?status=WITHDRAWN";
  }
}
