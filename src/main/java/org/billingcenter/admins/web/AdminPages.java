package org.billingcenter.admins.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.admins.AdminService;
import org.billingcenter.admins.Invitation;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.admins.NewInvitation;
import org.billingcenter.api.PageLinks;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.web.PageForms;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Admins page of a Global admin: the admins with their roles (changed in place), the pending
 * invitations (resend, withdraw), an invitation form, and removal after a confirmation page.
 */
@Controller
@RequestMapping("/settings/admins")
@PreAuthorize("hasRole('GLOBAL_ADMIN')")
class AdminPages {

  static final List<Role> TENANT_ROLES = Arrays.stream(Role.values()).filter(Role::isTenantRole).toList();
  static final List<String> LANGUAGES = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");

  private final AdminService admins;
  private final InvitationService invitations;
  private final PageForms forms;
  private final Clock clock;

  AdminPages(AdminService admins, InvitationService invitations, PageForms forms, Clock clock) {
    this.admins = admins;
    this.invitations = invitations;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(@CurrentTenant TenantId tenant, @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "invitationsPage", required = false) String invitationsPage, Model model) {
    Page<AdminAccount> accounts = admins.admins(tenant, PageRequest.parse(page, null));
    Page<Invitation> pending = invitations.pending(tenant, PageRequest.parse(invitationsPage, null));
    model.addAttribute("admins", accounts.items());
    model.addAttribute("pager", PageLinks.of(accounts, "page"));
    model.addAttribute("invitations", pending.items());
    model.addAttribute("invitationsPager", PageLinks.of(pending, "invitationsPage"));
    model.addAttribute("now", clock.instant());
    model.addAttribute("roles", TENANT_ROLES);
    model.addAttribute("languages", LANGUAGES);
    return "admins/list";
  }

  @PostMapping("/invitations")
  String invite(@Valid @ModelAttribute("invitation") NewInvitation asked, BindingResult errors,
      @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      HttpServletResponse response, Locale locale, Model model, RedirectAttributes flash) {
    if (forms.refused(errors, request, response, locale, model)) {
      model.addAttribute("typed", asked);
      return list(tenant, null, null, model);
    }
    invitations.invite(tenant, asked, me.getUsername(), me.account().displayName());
    flash.addFlashAttribute("notice", "admins.notice.invited");
    return "redirect:/settings/admins";
  }

  @PostMapping("/invitations/{id}/resend")
  String resend(@PathVariable UUID id, @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me,
      RedirectAttributes flash) {
    invitations.resend(tenant, id, me.getUsername(), me.account().displayName());
    flash.addFlashAttribute("notice", "admins.notice.resent");
    return "redirect:/settings/admins";
  }

  @PostMapping("/invitations/{id}/withdraw")
  String withdraw(@PathVariable UUID id, @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me,
      RedirectAttributes flash) {
    invitations.withdraw(tenant, id, me.getUsername());
    flash.addFlashAttribute("notice", "admins.notice.withdrawn");
    return "redirect:/settings/admins";
  }

  @PostMapping("/{username}/roles")
  String changeRoles(@PathVariable String username, @RequestParam(name = "roles", required = false) Set<Role> roles,
      @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes flash) {
    admins.changeRoles(tenant, username, roles == null ? Set.of() : roles, me.getUsername());
    flash.addFlashAttribute("notice", "admins.notice.roles-changed");
    return "redirect:/settings/admins";
  }

  /** The check step: who would be removed, or why he cannot be. */
  @GetMapping("/{username}/remove")
  String confirmRemoval(@PathVariable String username, @CurrentTenant TenantId tenant, Model model) {
    model.addAttribute("admin", admins.admin(tenant, username));
    model.addAttribute("refusal", admins.removalCheck(tenant, username).map(r -> "error." + r.code().toLowerCase(Locale.ROOT))
        .orElse(null));
    return "admins/remove";
  }

  /** The confirm step: only with {@code confirmed=true}, which the check page's button sends. */
  @PostMapping("/{username}/remove")
  String remove(@PathVariable String username, @RequestParam(defaultValue = "false") boolean confirmed,
      @CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes flash) {
    if (!confirmed) {
      return "redirect:/settings/admins/" + org.springframework.web.util.UriUtils.encodePathSegment(username,
          java.nio.charset.StandardCharsets.UTF_8) + "/remove";
    }
    admins.remove(tenant, username, me.getUsername());
    flash.addFlashAttribute("notice", "admins.notice.removed");
    return "redirect:/settings/admins";
  }
}
