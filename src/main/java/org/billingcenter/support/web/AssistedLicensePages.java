package org.billingcenter.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.AssistedLicenseRemoval;
import org.billingcenter.support.AssistedLicenseRemoval.Removal;
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
 * "Remove licenses for them" from a request: (1) the new total, (2) the organisation's own preview
 * (credit and when) with the note, the override reason when needed and a ticked confirmation,
 * (3) done, back on the request. The POST carries the previewed total, so it does what was shown.
 */
@Controller
@RequestMapping("/support/{tenant}/{id}/licenses")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class AssistedLicensePages {

  private final SupportConsole console;
  private final AssistedLicenseRemoval removals;
  private final PageForms forms;
  private final MessageSource messages;

  AssistedLicensePages(SupportConsole console, AssistedLicenseRemoval removals, PageForms forms,
      MessageSource messages) {
    this.console = console;
    this.removals = removals;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping
  String check(@PathVariable UUID tenant, @PathVariable UUID id, @RequestParam(required = false) Integer quantity,
      Principal me, Model model, Locale locale) {
    QueueItem item = console.item(new TenantId(tenant), id);
    model.addAttribute("item", item);
    model.addAttribute("r", item.request());
    model.addAttribute("mine", "CLAIMED".equals(item.request().status().name())
        && me.getName().equals(item.request().engineer()));
    model.addAttribute("quantity", quantity);
    if (quantity != null) {
      try {
        model.addAttribute("preview", removals.preview(new TenantId(tenant), item.request().subscription(), quantity));
      } catch (Rejected refused) {
        model.addAttribute("refusal", messages.getMessage("error." + refused.reason().code().toLowerCase(Locale.ROOT),
            refused.arguments().toArray(), locale));
      }
    }
    return "support/licenses";
  }

  @PostMapping
  String remove(@PathVariable UUID tenant, @PathVariable UUID id, @Valid @ModelAttribute("removal") Removal removal,
      BindingResult errors, @RequestParam(defaultValue = "false") boolean confirmed, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return check(tenant, id, removal.quantity(), me, model, locale);
    }
    if (!confirmed) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", messages.getMessage("support.licenses.confirm.required", null, locale));
      return check(tenant, id, removal.quantity(), me, model, locale);
    }
    TenantId t = new TenantId(tenant);
    removals.remove(t, console.item(t, id).request().subscription(), me.getName(), removal);
    flash.addFlashAttribute("notice", "support.notice.licenses-removed");
    return "redirect:/support/" + tenant + "/" + id;
  }
}
