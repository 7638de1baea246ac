package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A list page asked for a page number or size outside the rules: a 400 in the page's language with
 * a link to the first page of the same list, never a server error.
 */
@PageAdvice
class InvalidPageAdvice {

  private final Problems problems;
  private final PageRights rights;

  InvalidPageAdvice(Problems problems, PageRights rights) {
    this.problems = problems;
    this.rights = rights;
  }

  @ExceptionHandler(PageRequest.Invalid.class)
  ModelAndView invalidPage(
      HttpServletRequest request, Locale locale, @AuthenticationPrincipal SignedInAccount me) {
    ModelAndView page = new ModelAndView("web/invalid-page", HttpStatus.BAD_REQUEST);
    // Exception handlers get no @ModelAttribute values: the layout's rights are added here.
    page.addObject("can", rights.can(me));
    page.addObject("error", problems.detail(PageRequest.Invalid.CODE, List.of(PageRequest.MAX_SIZE), locale));
    page.addObject(
        "firstPage",
        PageLinks.firstPages(request));
    return page;
  }
}
