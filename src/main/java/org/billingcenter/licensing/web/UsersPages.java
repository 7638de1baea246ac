package org.billingcenter.licensing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.PageParam;
import org.billingcenter.api.Problems;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.licensing.LicensingService.ListOrder;
import org.billingcenter.licensing.LicensingService.MatchingMembers;
import org.billingcenter.licensing.LicensingService.MemberIds;
import org.billingcenter.licensing.MemberSearch;
import org.billingcenter.licensing.NotEnoughSeats;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.Member;
import org.billingcenter.web.PageForms;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users & licenses: a subscription's seat holders and the members without a seat, both searched by
 * name or e-mail and paged; assign or unassign the ticked members or, with one button, all that
 * match the search. Short of licenses, the page says how many are missing and links to buying them.
 */
@Controller
class UsersPages {

  private final SubscriptionService subscriptions;
  private final LicensingService licensing;
  private final PageForms forms;
  private final Problems problems;

  UsersPages(SubscriptionService subscriptions, LicensingService licensing, PageForms forms, Problems problems) {
    this.subscriptions = subscriptions;
    this.licensing = licensing;
    this.forms = forms;
    this.problems = problems;
  }

  @GetMapping("/users")
  String users(@CurrentTenant TenantId tenant, @RequestParam(required = false) UUID subscription,
      @RequestParam(required = false) String q, @PageParam("holdersPage") PageRequest holdersPage,
      @PageParam("candidatesPage") PageRequest candidatesPage,
      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response,
      Locale locale) {
    String search = q == null ? "" : q.strip();
    if (search.length() > MemberSearch.MAX_LENGTH) { // only a hand-made address: the field has a maxlength
      model.addAttribute("searchError", problems.detail("SEARCH_TOO_LONG", List.of(MemberSearch.MAX_LENGTH), locale));
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      search = "";
    }
    List<SubscriptionSummary> all = subscriptions.list(tenant);
    SubscriptionSummary selected =
        subscription == null
            ? (all.isEmpty() ? null : all.get(0))
            : subscriptions.get(tenant, new SubscriptionId(subscription));
    model.addAttribute("subscriptions", all);
    model.addAttribute("selected", selected);
    model.addAttribute("q", search);
    if (selected != null) {
      lists(tenant, selected, search, holdersPage, candidatesPage, model);
    }
    // One template per screen: htmx asks for the lists only, as the search or the selection changes.
    return htmx != null ? "licensing/users :: licenses" : "licensing/users";
  }

  private void lists(TenantId tenant, SubscriptionSummary selected, String search, PageRequest holdersPage,
      PageRequest candidatesPage, Model model) {
    SubscriptionId id = selected.subscription().id();
    Page<Member> holders = licensing.holders(tenant, id, search, ListOrder.NAME, holdersPage);
    Page<Member> candidates = licensing.candidates(tenant, id, search, ListOrder.NAME, candidatesPage);
    int free = Math.max(0, selected.subscription().quantity() - selected.assignedLicenses());
    model.addAttribute("holders", holders.items());
    model.addAttribute("holdersPager", PageLinks.of(holders, "holdersPage"));
    model.addAttribute("candidates", candidates.items());
    model.addAttribute("candidatesPager", PageLinks.of(candidates, "candidatesPage"));
    model.addAttribute("free", free);
    model.addAttribute("shortfall", Math.max(0, candidates.total() - free));
  }

  @PostMapping("/users/assign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String assign(@CurrentTenant TenantId tenant, @RequestParam UUID subscription, @RequestParam(required = false) String q,
      @Valid @ModelAttribute("selection") MemberIds selection, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, "assign", Set.of())) {
      return again(tenant, subscription, q, model, response, locale);
    }
    licensing.assign(tenant, new SubscriptionId(subscription), selection.ids(), me.getName());
    return done(flash, "users.notice.assigned", new HashSet<>(selection.ids()).size(), subscription, q);
  }

  @PostMapping("/users/unassign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String unassign(@CurrentTenant TenantId tenant, @RequestParam UUID subscription,
      @RequestParam(required = false) String q, @Valid @ModelAttribute("selection") MemberIds selection,
      BindingResult errors, Principal me, RedirectAttributes flash, Model model, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, "unassign", Set.of())) {
      return again(tenant, subscription, q, model, response, locale);
    }
    licensing.unassign(tenant, new SubscriptionId(subscription), selection.ids(), me.getName());
    return done(flash, "users.notice.removed", new HashSet<>(selection.ids()).size(), subscription, q);
  }

  /** "Select all N matching": the form posts the search, never the ids; the server resolves it. */
  @PostMapping("/users/assign-matching")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String assignMatching(@CurrentTenant TenantId tenant, @RequestParam UUID subscription,
      @Valid @ModelAttribute("matching") MatchingMembers matching, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, "assign-matching", Set.of())) {
      return again(tenant, subscription, null, model, response, locale);
    }
    int changed = licensing.assignMatching(tenant, new SubscriptionId(subscription), matching.query(), me.getName()).changed();
    return done(flash, "users.notice.assigned", changed, subscription, matching.query());
  }

  @PostMapping("/users/unassign-matching")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  String unassignMatching(@CurrentTenant TenantId tenant, @RequestParam UUID subscription,
      @Valid @ModelAttribute("matching") MatchingMembers matching, BindingResult errors, Principal me,
      RedirectAttributes flash, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (forms.refused(errors, request, response, locale, model, "unassign-matching", Set.of())) {
      return again(tenant, subscription, null, model, response, locale);
    }
    int changed = licensing.unassignMatching(tenant, new SubscriptionId(subscription), matching.query(), me.getName()).changed();
    return done(flash, "users.notice.removed", changed, subscription, matching.query());
  }

  /**
   * Not enough licenses: back to the same list (nothing was assigned) saying how many are missing,
   * which the page offers to buy. Other refusals go the common way (PageErrors).
   */
  @ExceptionHandler(NotEnoughSeats.class)
  String notEnoughSeats(NotEnoughSeats e, HttpServletRequest request, Locale locale, RedirectAttributes flash) {
    flash.addFlashAttribute("error", problems.detail(e.reason().code(), e.arguments(), locale));
    flash.addFlashAttribute("missing", e.missing());
    String q = request.getParameter("q") != null ? request.getParameter("q") : request.getParameter("query");
    return list(flash, UUID.fromString(request.getParameter("subscription")), q);
  }

  /** A refused form: the same screen again (422), the lists as they were, the errors at their fields. */
  private String again(TenantId tenant, UUID subscription, String q, Model model, HttpServletResponse response,
      Locale locale) {
    return users(tenant, subscription, q, PageRequest.FIRST, PageRequest.FIRST, null, model, response, locale);
  }

  private static String done(RedirectAttributes flash, String notice, int count, UUID subscription, String q) {
    flash.addFlashAttribute("notice", notice);
    flash.addFlashAttribute("noticeCount", count);
    return list(flash, subscription, q);
  }

  /** POST-redirect-GET to the list the admin was on; the search is kept when it is one the page takes. */
  private static String list(RedirectAttributes flash, UUID subscription, String q) {
    flash.addAttribute("subscription", subscription);
    if (q != null && !q.isBlank() && q.strip().length() <= MemberSearch.MAX_LENGTH) {
      flash.addAttribute("q", q.strip());
    }
    return "redirect:/users";
  }
}
