package org.billingcenter.cancellation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.AssistedRequest;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.SupportConsole;
import org.billingcenter.support.SupportConsole.QueueItem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Cancel for them" from a callback request, the organisation's own flow with an engineer's note:
 * check and preview (credit, return date, who loses access, now or end of term, the refund-window
 * rule), confirmation (a ticked box), done. It lives with cancellation (as its API does), because
 * support must not depend on cancellation. Every step asks the same service for the same decision,
 * so the confirmation is exactly what the cancellation does.
 */
@Controller
@RequestMapping("/support/{tenant}/{id}/cancel")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class AssistedCancellationPages {

  private final CancellationService cancellations;
  private final SupportConsole console;
  private final PageForms forms;
  private final MessageSource messages;

  AssistedCancellationPages(CancellationService cancellations, SupportConsole console, PageForms forms,
      MessageSource messages) {
    this.cancellations = cancellations;
    this.console = console;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping
  String check(@PathVariable UUID tenant, @PathVariable UUID id, @RequestParam(defaultValue = "NOW") CancelWhen when,
      Principal me, Model model) {
    return show("preview", tenant, id, when, me, model);
  }

  @PostMapping("/review")
  String review(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("assisted") AssistedRequest assisted, BindingResult errors, Principal me, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    CancelWhen when = assisted.request().when();
    if (forms.refused(errors, request, response, locale, model)) {
      return show("preview", tenant, id, when, me, model);
    }
    return show("confirm", tenant, id, when, me, model);
  }

  @PostMapping
  String cancel(@PathVariable UUID tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("assisted") AssistedRequest assisted, BindingResult errors,
      @RequestParam(defaultValue = "false") boolean confirmed, Principal me, RedirectAttributes flash, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    CancelWhen when = assisted.request().when();
    if (forms.refused(errors, request, response, locale, model)) {
      return show("preview", tenant, id, when, me, model);
    }
    if (!confirmed) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("support.cancel.confirm.required", null, locale));
      return show("confirm", tenant, id, when, me, model);
    }
    TenantId t = new TenantId(tenant);
    cancellations.cancelAssisted(t, console.item(t, id).request().subscription(), me.getName(), assisted);
    flash.addFlashAttribute("notice", "support.notice.cancelled");
    return "redirect:/support/" + tenant + "/" + id;
  }

  private String show(String step, UUID tenant, UUID id, CancelWhen when, Principal me, Model model) {
    TenantId t = new TenantId(tenant);
    QueueItem item = console.item(t, id);
    model.addAttribute("step", step);
    model.addAttribute("item", item);
    model.addAttribute("r", item.request());
    model.addAttribute("mine", "CLAIMED".equals(item.request().status().name())
        && me.getName().equals(item.request().engineer()));
    model.addAttribute("when", when);
    model.addAttribute("reasons", LeavingReason.values());
    model.addAttribute("check", cancellations.check(t, item.request().subscription(),
        new Canceller(me.getName(), Set.of(Role.SUPPORT_ENGINEER), null), when));
    return "support/assisted-cancel";
  }
}
