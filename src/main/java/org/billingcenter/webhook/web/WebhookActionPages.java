package org.billingcenter.webhook.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookService;
import org.springframework.format.annotation.DateTimeFormat;
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
 * What can be done to an endpoint and its deliveries from the pages: delete (after the
 * confirmation page), enable, test send, replay one delivery or every failed one since a day; and
 * one delivery's page with its tries. Each action goes back to a page with a notice.
 */
@Controller
@RequestMapping({WebhookOwners.ORGANISATION, WebhookOwners.OPERATOR})
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class WebhookActionPages {

  private final WebhookService webhooks;

  WebhookActionPages(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      RedirectAttributes flash) {
    Owner owner = WebhookOwners.owner(me, request);
    webhooks.delete(owner, id, me.getUsername());
    flash.addFlashAttribute("notice", "webhook.notice.deleted");
    return "redirect:" + WebhookOwners.base(owner);
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      RedirectAttributes flash) {
    Owner owner = WebhookOwners.owner(me, request);
    webhooks.enable(owner, id, me.getUsername());
    flash.addFlashAttribute("notice", "webhook.notice.enabled");
    return "redirect:" + WebhookOwners.base(owner) + "/" + id;
  }

  @PostMapping("/{id}/test")
  String test(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      RedirectAttributes flash) {
    Owner owner = WebhookOwners.owner(me, request);
    Attempt result = webhooks.test(owner, id);
    flash.addFlashAttribute("testResult", result);
    return "redirect:" + WebhookOwners.base(owner) + "/" + id;
  }

  /** {@code since}: a day, from its start in UTC (the log shows UTC times too). */
  @PostMapping("/{id}/replay-failed")
  String replayFailed(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, RedirectAttributes flash) {
    Owner owner = WebhookOwners.owner(me, request);
    int count = webhooks.replayFailed(owner, id, since.atStartOfDay().toInstant(ZoneOffset.UTC), me.getUsername());
    flash.addFlashAttribute("notice", "webhook.notice.replayed-failed");
    flash.addFlashAttribute("noticeCount", count);
    return "redirect:" + WebhookOwners.base(owner) + "/" + id;
  }

  @GetMapping("/{id}/deliveries/{deliveryId}")
  String delivery(@PathVariable UUID id, @PathVariable UUID deliveryId, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    model.addAttribute("base", WebhookOwners.base(owner));
    model.addAttribute("endpoint", webhooks.get(owner, id));
    model.addAttribute("delivery", webhooks.delivery(owner, deliveryId));
    return "webhook/delivery";
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/replay")
  String replay(@PathVariable UUID id, @PathVariable UUID deliveryId, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, RedirectAttributes flash) {
    Owner owner = WebhookOwners.owner(me, request);
    webhooks.get(owner, id);
    webhooks.replay(owner, deliveryId, me.getUsername());
    flash.addFlashAttribute("notice", "webhook.notice.replayed");
    return "redirect:" + WebhookOwners.base(owner) + "/" + id + "/deliveries/" + deliveryId;
  }
}
