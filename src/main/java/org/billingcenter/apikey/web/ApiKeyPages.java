package org.billingcenter.apikey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.apikey.ApiKey;
import org.billingcenter.apikey.ApiKeyOwner;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.CreatedApiKey;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.web.PageForms;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API keys: the list with the create form, the new key shown once (rendered, never redirected: the
 * secret must not travel in a URL or a session), and revoking after a confirmation. An
 * organisation's Global admin works under /settings/api-keys, the operator under /operator/api-keys,
 * and neither under the other's.
 */
@Controller
@RequestMapping({ApiKeyPages.ORGANISATION, ApiKeyPages.OPERATOR})
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class ApiKeyPages {

  static final String ORGANISATION = "/settings/api-keys";
  static final String OPERATOR = "/operator/api-keys";

  private final ApiKeyService keys;
  private final PageForms forms;
  private final Clock clock;

  ApiKeyPages(ApiKeyService keys, PageForms forms, Clock clock) {
    this.keys = keys;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(PageRequest page, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, Model model) {
    ApiKeyOwner owner = owner(me, request);
    Page<ApiKey> list = keys.list(owner, page);
    model.addAttribute("base", base(owner));
    model.addAttribute("keys", list.items());
    model.addAttribute("now", clock.instant());
    model.addAttribute("roles", owner.roles());
    model.addAttribute("pager", PageLinks.of(list, "page"));
    return "apikey/list";
  }

  @PostMapping
  String create(@Valid @ModelAttribute("key") ApiKeyForm asked, BindingResult errors,
      @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response,
      Locale locale, Model model) {
    ApiKeyOwner owner = owner(me, request);
    if (forms.refused(errors, request, response, locale, model)) {
      model.addAttribute("typed", asked);
      return list(PageRequest.FIRST, me, request, model);
    }
    CreatedApiKey created = keys.create(asked.toCommand(owner), me.getUsername());
    model.addAttribute("base", base(owner));
    model.addAttribute("created", created);
    return "apikey/secret";
  }

  @GetMapping("/{id}/revoke")
  String confirmRevocation(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, Model model) {
    ApiKeyOwner owner = owner(me, request);
    model.addAttribute("base", base(owner));
    model.addAttribute("key", keys.get(owner, id));
    return "apikey/confirm";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      RedirectAttributes flash) {
    ApiKeyOwner owner = owner(me, request);
    keys.revoke(owner, id, me.getUsername());
    flash.addFlashAttribute("notice", "apikey.notice.revoked");
    return "redirect:" + base(owner);
  }

  private static ApiKeyOwner owner(SignedInAccount me, HttpServletRequest request) {
    ApiKeyOwner owner = ApiKeyOwner.of(me)
        .orElseThrow(() -> new AccessDeniedException("not a Global admin or the operator"));
    if (!request.getRequestURI().startsWith(base(owner))) {
      throw new AccessDeniedException("another owner's pages");
    }
    return owner;
  }

  private static String base(ApiKeyOwner owner) {
    return owner.isOperator() ? OPERATOR : ORGANISATION;
  }
}
