package org.billingcenter.support.web;

import org.billingcenter.support.SupportConsole;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The navigation's count of NEW callback requests, next to the Support link
 * ({@code templates/fragments/layout.html}). Lazy: the count query runs only when a page shows the
 * link, which only support engineers see; one count on the status index.
 */
@ControllerAdvice
class SupportNavigation {

  private final SupportConsole console;

  SupportNavigation(SupportConsole console) {
    this.console = console;
  }

  @ModelAttribute("supportNewCount")
  LazyContextVariable<Long> supportNewCount() {
    return new LazyContextVariable<>() {
      @Override
      protected Long loadValue() {
        return console.newCount();
      }
    };
  }
}
