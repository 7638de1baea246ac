package org.billingcenter.subscription.web;

import java.security.Principal;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Undo cancellation, from the details page's ending panel or the cancellation's done page: the
 * subscription renews again. The service refuses it on the end day and later (the page then shows
 * why); the cancellation module closes its record on the event.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}")
class EndingPages {

  private final SubscriptionService subscriptions;

  EndingPages(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @PostMapping("/undo-cancellation")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  String undo(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash) {
    subscriptions.undoScheduledEnd(tenant, new SubscriptionId(id), me.getName());
    flash.addFlashAttribute("notice", "ending.notice.undone");
    return "redirect:/billing/subscriptions/" + id;
  }
}
