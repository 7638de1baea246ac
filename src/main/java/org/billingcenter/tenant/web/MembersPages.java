package org.billingcenter.tenant.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.MemberDetails;
import org.billingcenter.tenant.MemberImport;
import org.billingcenter.tenant.MemberService;
import org.billingcenter.tenant.TenantReason;
import org.billingcenter.web.PageForms;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members: everyone of the organisation lists and searches them; Global and User admins add, edit,
 * remove (after a confirmation listing the licenses he loses) and import them from a CSV file.
 * Plain forms with POST-redirect-GET; htmx only swaps the list when searching.
 */
@Controller
class MembersPages {

  private static final String MANAGERS = "hasAnyRole('GLOBAL_ADMIN','USER_ADMIN')";

  private final MemberService members;
  private final PageForms forms;
  private final Problems problems;

  MembersPages(MemberService members, PageForms forms, Problems problems) {
    this.members = members;
    this.forms = forms;
    this.problems = problems;
  }

  /** A bad line of an import as the report table shows it, its reason in the page's language. */
  record ProblemRow(int line, String field, String code, String message) {}

  /** Whether the signed-in account may change members: shows or hides the actions. */
  @ModelAttribute("manageMembers")
  boolean manageMembers(@AuthenticationPrincipal SignedInAccount me) {
    return me != null && (me.account().has(Role.GLOBAL_ADMIN) || me.account().has(Role.USER_ADMIN));
  }

  @GetMapping("/members")
  String list(@CurrentTenant TenantId tenant, @RequestParam(required = false) String q, PageRequest page,
      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
    String query = q == null || q.length() > MemberService.MAX_QUERY ? "" : q.strip();
    Page<Member> found = members.search(tenant, query, page);
    model.addAttribute("q", query);
    model.addAttribute("members", found.items());
    model.addAttribute("pager", PageLinks.of(found, "page"));
    return htmx != null ? "tenant/members :: list" : "tenant/members";
  }

  @GetMapping("/members/new")
  @PreAuthorize(MANAGERS)
  String addForm() {
    return "tenant/members-form";
  }

  @PostMapping("/members")
  @PreAuthorize(MANAGERS)
  String add(@CurrentTenant TenantId tenant, @Valid @ModelAttribute("details") MemberDetails details,
      BindingResult errors, Principal me, RedirectAttributes flash, Model model,
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (!errors.hasErrors()) {
      try {
        Member added = members.add(tenant, details, me.getName());
        return done(flash, "members.notice.added", added.displayName());
      } catch (Rejected refused) {
        emailTaken(refused, details, errors);
      }
    }
    forms.refused(errors, request, response, locale, model);
    return "tenant/members-form";
  }

  @GetMapping("/members/{id}/edit")
  @PreAuthorize(MANAGERS)
  String editForm(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    model.addAttribute("member", members.member(tenant, new MemberId(id)));
    return "tenant/members-form";
  }

  @PostMapping("/members/{id}")
  @PreAuthorize(MANAGERS)
  String edit(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @ModelAttribute("details") MemberDetails details, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    MemberId member = new MemberId(id);
    if (!errors.hasErrors()) {
      try {
        Member edited = members.edit(tenant, member, details, me.getName());
        return done(flash, "members.notice.edited", edited.displayName());
      } catch (Rejected refused) {
        emailTaken(refused, details, errors);
      }
    }
    forms.refused(errors, request, response, locale, model);
    model.addAttribute("member", members.member(tenant, member));
    return "tenant/members-form";
  }

  /** The confirmation: who goes, and the licenses he loses (the same rows the removal releases). */
  @GetMapping("/members/{id}/remove")
  @PreAuthorize(MANAGERS)
  String removeConfirm(@CurrentTenant TenantId tenant, @PathVariable UUID id, Model model) {
    MemberId member = new MemberId(id);
    model.addAttribute("member", members.member(tenant, member));
    model.addAttribute("licenses", members.licensesOf(tenant, member));
    return "tenant/members-remove";
  }

  @PostMapping("/members/{id}/remove")
  @PreAuthorize(MANAGERS)
  String remove(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me, RedirectAttributes flash) {
    Member removed = members.remove(tenant, new MemberId(id), me.getName());
    return done(flash, "members.notice.removed", removed.displayName());
  }

  @GetMapping("/members/import")
  @PreAuthorize(MANAGERS)
  String importForm(Model model) {
    model.addAttribute("maxRows", MemberService.MAX_IMPORT_ROWS);
    return "tenant/members-import";
  }

  /** All or none: with any bad line the page shows every one of them and nothing was imported. */
  @PostMapping("/members/import")
  @PreAuthorize(MANAGERS)
  String importFile(@CurrentTenant TenantId tenant, @RequestParam(required = false) MultipartFile file,
      Principal me, RedirectAttributes flash, Model model, HttpServletResponse response, Locale locale)
      throws IOException {
    model.addAttribute("maxRows", MemberService.MAX_IMPORT_ROWS);
    if (file == null || file.isEmpty()) {
      model.addAttribute("noFile", true);
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "tenant/members-import";
    }
    MemberImport outcome = members.importCsv(tenant, file.getBytes(), me.getName());
    if (outcome.accepted()) {
      return done(flash, "members.notice.imported", outcome.imported());
    }
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("problems", outcome.problems().stream()
        .map(p -> new ProblemRow(p.line(), p.field(), p.issue().name(), problems.text(p.message(), locale)))
        .toList());
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return "tenant/members-import";
  }

  /** A taken address is the e-mail field's error, shown with what was typed; any other refusal goes on. */
  private static void emailTaken(Rejected refused, MemberDetails details, BindingResult errors) {
    if (refused.reason() != TenantReason.MEMBER_EMAIL_TAKEN) {
      throw refused;
    }
    errors.addError(new FieldError(errors.getObjectName(), "email", details.email(), false,
        new String[] {"error.member_email_taken"}, new Object[] {details.email()}, null));
  }

  private static String done(RedirectAttributes flash, String notice, Object argument) {
    flash.addFlashAttribute("notice", notice);
    flash.addFlashAttribute("noticeCount", argument);
    return "redirect:/members";
  }
}
