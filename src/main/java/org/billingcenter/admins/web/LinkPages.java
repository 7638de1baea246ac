package org.billingcenter.admins.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.billingcenter.admins.AdminsReason;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the pages of single-use links share: the page for a dead link, a refused password shown again. */
@Component
class LinkPages {

  private final Problems problems;

  LinkPages(Problems problems) {
    this.problems = problems;
  }

  /**
   * A refusal while a link's form was sent: a dead link gets its own page (410), a refused password
   * the form again (422) with the reason in the page's language.
   */
  String refused(Rejected e, String form, String deadLink, HttpServletResponse response, Locale locale, Model model) {
    if (e.reason() == AdminsReason.LINK_INVALID) {
      return dead(deadLink, response);
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("error", problems.detail(e.reason().code(), e.arguments(), locale));
    return form;
  }

  /** {@code kind}: invitation or reset, for the page's words and where it sends the person. */
  String dead(String kind, HttpServletResponse response) {
    response.setStatus(HttpStatus.GONE.value());
    return "admins/link-" + kind + "-invalid";
  }

  static String client(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
