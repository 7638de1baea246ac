package org.billingcenter.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.licensing.LicensingService.MemberIds;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users & licenses: who holds a license of a subscription, and removing licenses in bulk. */
@Controller
class UsersPages {

  private final TenantService tenants;
  private final SubscriptionService subscriptions;
  private final LicensingService licensing;
  private final PageForms forms;

  UsersPages(TenantService tenants, SubscriptionService subscriptions, LicensingService licensing, PageForms forms) {
    this.tenants = tenants;
    this.subscriptions = subscriptions;
    this.licensing = licensing;
    this.forms = forms;
  }

  @GetMapping("/users")
  String users(@CurrentTenant TenantId tenant, @RequestParam(required = false) UUID subscription,
      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
    List<SubscriptionSummary> all = subscriptions.list(tenant);
    SubscriptionSummary selected =
        subscription == null
            ? (all.isEmpty() ? null : all.get(0))
            : subscriptions.get(tenant, new SubscriptionId(subscription));
    model.addAttribute("subscriptions", all);
    model.addAttribute("selected", selected);
    model.addAttribute("assigned", selected == null
        ? List.of()
        : tenants.members(tenant, new HashSet<>(licensing.assignedMembers(tenant, selected.subscription().id()))));
    // One template per screen: htmx asks for the licenses part only when the selection changes.
    return htmx != null ? "licensing/users :: licenses" : "licensing/users";
  }

  @PostMapping("/users/unassign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String unassign(@CurrentTenant TenantId tenant, @RequestParam UUID subscription,
      @Valid @ModelAttribute("selection") MemberIds selection, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return users(tenant, subscription, null, model);
    }
    List<MemberId> ids = selection.ids();
    licensing.unassign(tenant, new SubscriptionId(subscription), ids, me.getName());
    flash.addFlashAttribute("notice", "users.notice.removed");
    flash.addFlashAttribute("noticeCount", ids.size());
    return "redirect:/users?subscription=" + subscription;
  }
}
