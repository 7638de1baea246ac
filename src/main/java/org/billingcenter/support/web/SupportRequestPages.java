package org.billingcenter.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.RetentionReason;
import org.billingcenter.support.SupportConsole;
import org.billingcenter.support.SupportConsole.NewNote;
import org.billingcenter.support.SupportConsole.QueueItem;
import org.billingcenter.support.SupportConsole.Retained;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One request, worked: its facts, claim or release, the notes history and a note form, and the
 * three ways it ends (remove licenses, cancel for them, or the organisation stays). Each form is
 * its own POST; a refused one shows the page again with its field errors.
 */
@Controller
@RequestMapping("/support/{tenant}/{id}")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class SupportRequestPages {

  private final SupportConsole console;
  private final CallbackService callbacks;
  private final OrganisationView organisation;
  private final PageForms forms;

  SupportRequestPages(SupportConsole console, CallbackService callbacks, OrganisationView organisation,
      PageForms forms) {
    this.console = console;
    this.callbacks = callbacks;
    this.organisation = organisation;
    this.forms = forms;
  }

  @GetMapping
  String request(@PathVariable UUID tenant, @PathVariable UUID id, Principal me, Model model) {
    TenantId t = new TenantId(tenant);
    QueueItem item = console.item(t, id);
    model.addAttribute("item", item);
    model.addAttribute("r", item.request());
    model.addAttribute("mine", item.request().status().name().equals("CLAIMED")
        && me.getName().equals(item.request().engineer()));
    model.addAttribute("outcome", console.outcome(t, id).orElse(null));
    model.addAttribute("retentionReasons", RetentionReason.values());
    return "support/request";
  }

  @PostMapping("/release")
  String release(@PathVariable UUID tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash) {
    callbacks.release(new TenantId(tenant), id, me.getName());
    flash.addFlashAttribute("notice", "support.notice.released");
    return "redirect:/support";
  }

  @PostMapping("/notes")
  String note(@PathVariable UUID tenant, @PathVariable UUID id, @Valid @ModelAttribute("note") NewNote note,
      BindingResult errors, Principal me, RedirectAttributes flash, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return request(tenant, id, me, model);
    }
    console.addNote(new TenantId(tenant), id, me.getName(), note);
    flash.addFlashAttribute("notice", "support.notice.noted");
    return "redirect:/support/" + tenant + "/" + id + "#notes";
  }

  @PostMapping("/retained")
  String retained(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("retained") Retained retained, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return request(tenant, id, me, model);
    }
    console.completeRetained(new TenantId(tenant), id, me.getName(), retained);
    flash.addFlashAttribute("notice", "support.notice.retained");
    return "redirect:/support/" + tenant + "/" + id;
  }

  /** The organisation read-only: what the engineer needs to answer questions on the phone. */
  @GetMapping("/organisation")
  String organisation(@PathVariable UUID tenant, @PathVariable UUID id, PageRequest page, Model model) {
    TenantId t = new TenantId(tenant);
    model.addAttribute("item", console.item(t, id));
    organisation.fill(t, page, model);
    return "support/organisation";
  }
}
