package org.billingcenter.session.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.session.SessionOwner;
import org.billingcenter.session.SessionService;
import org.billingcenter.session.WebSession;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My sessions ({@code /account/sessions}, everyone): where I am signed in, sign out one, sign out
 * all others after a confirmation. The organisation's sessions ({@code /settings/sessions}, a
 * Global admin): every admin's, each of which he may end. "This session" is the one whose key the
 * servlet session carries.
 */
@Controller
class SessionPages {

  static final String MINE = "/account/sessions";
  static final String ORGANISATION = "/settings/sessions";

  private final SessionService sessions;

  SessionPages(SessionService sessions) {
    this.sessions = sessions;
  }

  @GetMapping(MINE)
  String mine(PageRequest page, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, Model model) {
    Page<WebSession> mine = sessions.active(SessionOwner.of(me), me.getUsername(), page);
    return list(mine, MINE, false, request, model);
  }

  @PostMapping(MINE + "/{id}/end")
  String endMine(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes flash) {
    sessions.endOwn(SessionOwner.of(me), me.getUsername(), id);
    flash.addFlashAttribute("notice", "session.notice.ended");
    return "redirect:" + MINE;
  }

  @GetMapping(MINE + "/end-others")
  String confirmEndOthers() {
    return "session/confirm";
  }

  /** {@code confirmed} comes from the confirmation page's form; the session kept is this one, never a parameter. */
  @PostMapping(MINE + "/end-others")
  String endOthers(@RequestParam boolean confirmed, @AuthenticationPrincipal SignedInAccount me,
      HttpServletRequest request, RedirectAttributes flash) {
    if (!confirmed) {
      return "redirect:" + MINE;
    }
    int count = sessions.endOthers(SessionOwner.of(me), me.getUsername(), current(request));
    flash.addFlashAttribute("notice", "session.notice.others-ended");
    flash.addFlashAttribute("noticeCount", count);
    return "redirect:" + MINE;
  }

  @GetMapping(ORGANISATION)
  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  String organisation(PageRequest page, @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
      Model model) {
    return list(sessions.active(SessionOwner.of(me), null, page), ORGANISATION, true, request, model);
  }

  @PostMapping(ORGANISATION + "/{id}/end")
  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  String endInOrganisation(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me,
      RedirectAttributes flash) {
    sessions.endAsAdmin(SessionOwner.of(me), me.getUsername(), id);
    flash.addFlashAttribute("notice", "session.notice.ended");
    return "redirect:" + ORGANISATION;
  }

  private static String list(Page<WebSession> found, String base, boolean organisation, HttpServletRequest request,
      Model model) {
    model.addAttribute("base", base);
    model.addAttribute("organisation", organisation);
    model.addAttribute("sessions", found.items());
    model.addAttribute("current", current(request));
    model.addAttribute("pager", PageLinks.of(found, "page"));
    return "session/list";
  }

  private static UUID current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object mark = session == null ? null : session.getAttribute(SessionMark.ATTRIBUTE);
    return mark instanceof SessionMark m ? m.id() : null;
  }
}
