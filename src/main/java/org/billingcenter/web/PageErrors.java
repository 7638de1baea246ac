package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.billingcenter.shared.Rejected;
import org.billingcenter.api.Problems;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused action on a page goes back where it came from (only if that is a page of ours, else
 * home) with the reason, in the page's language; nothing was changed (the service's transaction
 * rolled back).
 */
@PageAdvice
class PageErrors {

  private final Problems problems;

  PageErrors(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(Rejected.class)
  String rejected(Rejected e, HttpServletRequest request, Locale locale, RedirectAttributes flash) {
    flash.addFlashAttribute("error", problems.detail(e.reason().code(), e.arguments(), locale));
    return "redirect:" + LocalRedirect.back(request);
  }
}
