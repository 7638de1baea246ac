package org.billingcenter.support.web;

import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.support.SupportReason;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation withdraws its "Let us call you" request from the subscription's page or the
 * cancel step. No confirmation step: asking again undoes it; the form says so.
 */
@Controller
@RequestMapping("/billing/subscriptions/{id}/callback-requests/{callbackId}")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
class CallbackWithdrawalPages {

  /** The page the form was on, where the organisation comes back to (the form always sends it). */
  enum Back {
    DETAILS,
    CANCEL
  }

  private final CallbackService callbacks;

  CallbackWithdrawalPages(CallbackService callbacks) {
    this.callbacks = callbacks;
  }

  @PostMapping("/withdrawal")
  String withdraw(@CurrentTenant TenantId tenant, @PathVariable UUID id, @PathVariable UUID callbackId,
      @RequestParam Back back, @AuthenticationPrincipal SignedInAccount me,
      RedirectAttributes flash) {
    CallbackRequest r = callbacks.get(tenant, callbackId);
    if (!r.subscription().value().equals(id)) {
      throw new Rejected(SupportReason.CALLBACK_NOT_FOUND);
    }
    // A second click or a resent form finds it withdrawn already: the same answer, nothing changes twice.
    if (r.status() != CallbackStatus.WITHDRAWN) {
      callbacks.withdrawByOrganisation(tenant, callbackId, me.getUsername(), me.account().has(Role.GLOBAL_ADMIN));
    }
    flash.addFlashAttribute("notice", "callback.notice.withdrawn");
    return "redirect:/billing/subscriptions/" + id + (back == Back.CANCEL ? "/cancel" : "");
  }
}
