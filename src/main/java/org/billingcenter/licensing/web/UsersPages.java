package org.billingcenter.licensing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.licensing.LicensingService.MemberIds;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.Member;
import org.billingcenter.web.PageForms;
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

  private final SubscriptionService subscriptions;
  private final LicensingService licensing;
  private final PageForms forms;

  UsersPages(SubscriptionService subscriptions, LicensingService licensing, PageForms forms) {
    this.subscriptions = subscriptions;
    this.licensing = licensing;
    this.forms = forms;
  }

  @GetMapping("/users")
  String users(@CurrentTenant TenantId tenant, @RequestParam(required = false) UUID subscription,
      PageRequest page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
    List<SubscriptionSummary> all = subscriptions.list(tenant);
    SubscriptionSummary selected =
        subscription == null
            ? (all.isEmpty() ? null : all.get(0))
            : subscriptions.get(tenant, new SubscriptionId(subscription));
    model.addAttribute("subscriptions", all);
    model.addAttribute("selected", selected);
    Page<Member> assigned = selected == null
        ? new Page<>(List.of(), page, 0)
        : licensing.assignedMembersByName(tenant, selected.subscription().id(), page);
    model.addAttribute("assigned", assigned.items());
    model.addAttribute("pager", PageLinks.of(assigned, "page"));
    // One template per screen: htmx asks for the licenses part only when the selection changes.
    return htmx != null ? "licensing/users :: licenses" : "licensing/users";
  }

  @PostMapping("/users/unassign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String unassign(@CurrentTenant TenantId tenant, @RequestParam UUID subscription,
      @Valid @ModelAttribute("selection") MemberIds selection, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model)) {
      return users(tenant, subscription, PageRequest.FIRST, null, model);
    }
    List<MemberId> ids = selection.ids();
    licensing.unassign(tenant, new SubscriptionId(subscription), ids, me.getName());
    flash.addFlashAttribute("notice", "users.notice.removed");
    flash.addFlashAttribute("noticeCount", ids.size());
    return "redirect:/users?subscription=" + subscription;
  }
}
