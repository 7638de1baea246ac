package org.billingcenter.webhook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.outbox.DeliveryRecord;
import org.billingcenter.outbox.DeliveryStatus;
import org.billingcenter.outbox.EventType;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.web.PageForms;
import org.billingcenter.webhook.NewWebhookEndpoint;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookEndpoint;
import org.billingcenter.webhook.WebhookService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhook endpoints: the list with the add form, a new secret shown once (after adding and after a
 * rotation, which is confirmed first), and an endpoint's page with its delivery log. Plain forms;
 * htmx only swaps the log when filtering or paging. The actions on an endpoint live in
 * {@link WebhookActionPages}.
 */
@Controller
@RequestMapping({WebhookOwners.ORGANISATION, WebhookOwners.OPERATOR})
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class WebhookPages {

  private final WebhookService webhooks;
  private final PageForms forms;

  WebhookPages(WebhookService webhooks, PageForms forms) {
    this.webhooks = webhooks;
    this.forms = forms;
  }

  @ModelAttribute("eventTypes")
  String[] eventTypes() {
    return EventType.published().stream().map(EventType::wireName).toArray(String[]::new);
  }

  @GetMapping
  String list(PageRequest page, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    Page<WebhookEndpoint> endpoints = webhooks.list(owner, page);
    model.addAttribute("base", WebhookOwners.base(owner));
    model.addAttribute("endpoints", endpoints.items());
    model.addAttribute("pager", PageLinks.of(endpoints, "page"));
    return "webhook/list";
  }

  @PostMapping
  String register(@Valid @ModelAttribute("endpoint") NewWebhookEndpoint asked, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response,
      Locale locale, Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    if (forms.refused(errors, request, response, locale, model)) {
      model.addAttribute("typed", asked);
      return list(PageRequest.FIRST, me, request, model);
    }
    // Rendered, not redirected: the secret must not travel in a URL or a session.
    return secret(webhooks.register(owner, asked, me.getUsername()), owner, model);
  }

  @GetMapping("/{id}")
  String endpoint(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status, PageRequest page,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    Page<DeliveryRecord> log = webhooks.deliveries(owner, id, status, page);
    model.addAttribute("base", WebhookOwners.base(owner));
    model.addAttribute("endpoint", webhooks.get(owner, id));
    model.addAttribute("status", status);
    model.addAttribute("statuses", DeliveryStatus.values());
    model.addAttribute("deliveries", log.items());
    model.addAttribute("pager", PageLinks.of(log, "page"));
    return htmx != null ? "webhook/endpoint :: log" : "webhook/endpoint";
  }

  @GetMapping("/{id}/rotate")
  String confirmRotation(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, Model model) {
    return confirm(id, "rotate", me, request, model);
  }

  @PostMapping("/{id}/rotate")
  String rotate(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    return secret(webhooks.rotate(owner, id, me.getUsername()), owner, model);
  }

  @GetMapping("/{id}/delete")
  String confirmDeletion(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, Model model) {
    return confirm(id, "delete", me, request, model);
  }

  private String confirm(UUID id, String action, SignedInAccount me, HttpServletRequest request, Model model) {
    Owner owner = WebhookOwners.owner(me, request);
    model.addAttribute("base", WebhookOwners.base(owner));
    model.addAttribute("endpoint", webhooks.get(owner, id));
    model.addAttribute("action", action);
    return "webhook/confirm";
  }

  private static String secret(WebhookEndpoint.NewSecret created, Owner owner, Model model) {
    model.addAttribute("base", WebhookOwners.base(owner));
    model.addAttribute("endpoint", created.endpoint());
    model.addAttribute("secret", created.secret());
    return "webhook/secret";
  }
}
