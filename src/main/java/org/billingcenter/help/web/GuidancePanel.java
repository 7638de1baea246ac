package org.billingcenter.help.web;

import java.util.List;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.help.CancellationGuidance.Guidance;
import org.billingcenter.help.HelpService;
import org.billingcenter.help.HelpService.WaitingCall;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The help panel "Canceling your subscription?" as {@code ${guidance}} on the subscription pages.
 * Help contributes it (help depends on subscription and cancellation, so subscription's pages
 * cannot call help). Lazy: the guidance, which weighs every subscription of the organisation, is
 * worked out only when a page shows the panel — the products and details pages, also when a refused
 * form shows the details again — never for a redirect after a POST nor for the home page, which
 * shows no panel.
 */
@ControllerAdvice(basePackages = "org.billingcenter.subscription.web")
class GuidancePanel {

  private final HelpService help;

  GuidancePanel(HelpService help) {
    this.help = help;
  }

  /**
   * The signed-in account, not {@code @CurrentTenant}: the home page is in the same package and an
   * operator-side account, which has no organisation, may open it.
   */
  @ModelAttribute("guidance")
  LazyContextVariable<Guidance> guidance(@AuthenticationPrincipal SignedInAccount me) {
    return new LazyContextVariable<>() {
      @Override
      protected Guidance loadValue() {
        return me == null ? null : me.tenant().map(help::cancellationGuidance).orElse(null);
      }
    };
  }

  /** The organisation's open callback requests, one line each under the guidance; lazy likewise. */
  @ModelAttribute("waitingCalls")
  LazyContextVariable<List<WaitingCall>> waitingCalls(@AuthenticationPrincipal SignedInAccount me) {
    return new LazyContextVariable<>() {
      @Override
      protected List<WaitingCall> loadValue() {
        return me == null ? List.of() : me.tenant().map(help::waitingCalls).orElse(List.of());
      }
    };
  }
}
