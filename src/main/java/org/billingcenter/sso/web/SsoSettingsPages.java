package org.billingcenter.sso.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;
import org.billingcenter.sso.RoleMapping;
import org.billingcenter.sso.SsoProvider;
import org.billingcenter.sso.SsoProviderSettings;
import org.billingcenter.sso.SsoService;
import org.billingcenter.web.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings › Single sign-on, for the organisation's Global admin: the provider form (the secret is
 * never shown; blank keeps it), a check that fetches the discovery document, and removal after a
 * confirmation that carries the revision it showed.
 */
@Controller
@RequestMapping("/settings/sso")
@PreAuthorize("hasRole('GLOBAL_ADMIN')")
class SsoSettingsPages {

  /** Blank mapping rows the form offers beyond the stored ones. */
  private static final int BLANK_ROWS = 3;

  private final SsoService sso;
  private final PageForms forms;

  SsoSettingsPages(SsoService sso, PageForms forms) {
    this.sso = sso;
    this.forms = forms;
  }

  @ModelAttribute("roles")
  List<Role> roles() {
    return Arrays.stream(Role.values()).filter(Role::isTenantRole).toList();
  }

  @GetMapping
  String show(@CurrentTenant TenantId tenant, Model model) {
    Optional<SsoProvider> provider = sso.find(tenant);
    return page(tenant, provider.orElse(null), provider.map(SsoProvider::asSettings).orElse(null), model);
  }

  @PostMapping
  String save(@Valid @ModelAttribute("settings") SsoProviderSettings asked, BindingResult errors,
      @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      HttpServletResponse response, Locale locale, Model model, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      return page(tenant, sso.find(tenant).orElse(null), errors.getTarget() instanceof SsoProviderSettings s ? s : null,
          model);
    }
    sso.configure(tenant, asked, me.getUsername());
    flash.addFlashAttribute("notice", "sso.settings.saved");
    return "redirect:/settings/sso";
  }

  /** A read (it changes nothing here): the issuer's discovery document, fetched now. */
  @GetMapping("/check")
  String check(@CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("check", sso.check(tenant, null));
    return show(tenant, model);
  }

  @GetMapping("/delete")
  String confirmRemoval(@CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("provider", sso.get(tenant));
    return "sso/confirm-delete";
  }

  @PostMapping("/delete")
  String remove(@RequestParam int revision, @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me,
      RedirectAttributes flash) {
    sso.remove(tenant, revision, me.getUsername());
    flash.addFlashAttribute("notice", "sso.settings.removed");
    return "redirect:/settings/sso";
  }

  private String page(TenantId tenant, SsoProvider provider, SsoProviderSettings shown, Model model) {
    List<RoleMapping> rows = new ArrayList<>(shown == null || shown.mappings() == null ? List.of() : shown.mappings());
    for (int i = 0; i < BLANK_ROWS; i++) {
      rows.add(new RoleMapping(null, null, null));
    }
    model.addAttribute("provider", provider);
    model.addAttribute("shown", shown);
    model.addAttribute("rows", rows);
    model.addAttribute("domains", shown == null || shown.emailDomains() == null ? "" : String.join(", ", shown.emailDomains()));
    model.addAttribute("redirectUri", ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/login/oauth2/code/{id}").buildAndExpand(tenant.value()).toUriString());
    model.addAttribute("claimPattern", "[A-Za-z0-9_.:\\/\\-]{1,100}");
    model.addAttribute("clientIdPattern", "[!-~]{1,200}");
    model.addAttribute("domainsPattern", SsoProviderSettings.DOMAIN_LIST_HTML);
    return "sso/settings";
  }
}
