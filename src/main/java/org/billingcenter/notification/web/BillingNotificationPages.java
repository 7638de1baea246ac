package org.billingcenter.notification.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.notification.MailKind;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing notifications: the organisation's additional recipients (a Billing or Global admin adds and
 * removes them) and the signed-in admin's own choice of optional mails. Refusals (not an address,
 * already there, too many) come back as the page's error notice.
 */
@Controller
@RequestMapping("/billing/notifications")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
class BillingNotificationPages {

  private static final String PAGE = "redirect:/billing/notifications";

  private final NotificationService notifications;

  BillingNotificationPages(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  String page(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, Model model) {
    Set<MailKind> off = notifications.optedOut(tenant, me.getUsername());
    model.addAttribute("recipients", notifications.recipients(tenant));
    model.addAttribute("maxRecipients", NotificationService.MAX_RECIPIENTS);
    model.addAttribute("optional", Arrays.stream(MailKind.values()).filter(MailKind::optional).toList());
    model.addAttribute("always", Arrays.stream(MailKind.values()).filter(k -> !k.optional() && !k.personal()).toList());
    model.addAttribute("wanted", Arrays.stream(MailKind.values()).filter(k -> !off.contains(k)).collect(Collectors.toSet()));
    model.addAttribute("myEmail", me.account().email());
    return "notification/settings";
  }

  @PostMapping("/recipients")
  String add(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me,
      @RequestParam(defaultValue = "") String email, RedirectAttributes flash) {
    notifications.addRecipient(tenant, email, me.getUsername());
    flash.addFlashAttribute("notice", "notification.notice.recipient-added");
    return PAGE;
  }

  @PostMapping("/recipients/{id}/remove")
  String remove(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
      RedirectAttributes flash) {
    notifications.removeRecipient(tenant, id, me.getUsername());
    flash.addFlashAttribute("notice", "notification.notice.recipient-removed");
    return PAGE;
  }

  /** Unchecked boxes are not sent: what is not in {@code kinds} is turned off. */
  @PostMapping("/mine")
  String choose(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me,
      @RequestParam(name = "kinds", required = false) List<MailKind> kinds, RedirectAttributes flash) {
    notifications.chooseOptionalMails(tenant, me.getUsername(), kinds == null ? Set.of() : Set.copyOf(kinds));
    flash.addFlashAttribute("notice", "notification.notice.choices-saved");
    return PAGE;
  }
}
