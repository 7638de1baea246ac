package org.billingcenter.notification.web;

import java.util.UUID;
import org.billingcenter.api.PageLinks;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.notification.SentEmail;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's Sent e-mails: every organisation's mails, newest first, searchable by recipient;
 * one mail shows its HTML in a sandboxed frame (no script, no form, no navigation of this page) and
 * its plain-text part as text. Times are UTC: the list spans organisations and their zones.
 */
@Controller
@RequestMapping("/operator/sent-emails")
@PreAuthorize("hasRole('OPERATOR')")
class SentEmailPages {

  private final NotificationService notifications;

  SentEmailPages(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  String list(@RequestParam(defaultValue = "") String q, PageRequest page, Model model) {
    Page<SentEmail> mails = notifications.sentEmails(q.length() > 254 ? q.substring(0, 254) : q, page);
    model.addAttribute("q", q);
    model.addAttribute("mails", mails.items());
    model.addAttribute("pager", PageLinks.of(mails, "page"));
    return "notification/sent-emails";
  }

  @GetMapping("/{tenant}/{id}")
  String one(@PathVariable UUID tenant, @PathVariable UUID id, Model model) {
    model.addAttribute("mail", notifications.sentEmail(new TenantId(tenant), id));
    return "notification/sent-email";
  }
}
