package org.billingcenter.help.web;

import java.util.List;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.help.CancellationGuidance.Guidance;
import org.billingcenter.help.HelpService;
import org.billingcenter.help.HelpService.Panel;
import org.billingcenter.help.HelpService.WaitingCall;
import org.billingcenter.subscription.SubscriptionSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The help panel "Canceling your subscription?" as {@code ${guidance}} on the subscription pages,
 * with the organisation's open callback requests as {@code ${waitingCalls}}. Help contributes it
 * (help depends on subscription and cancellation, so subscription's pages cannot call help). Lazy:
 * the panel, which weighs every subscription of the organisation, is worked out only when a page
 * shows it — the products and details pages, also when a refused form shows the details again —
 * never for a redirect after a POST nor for the home page, which shows no panel. Both variables come
 * from one read; a page that has read the whole list already puts it in {@code ${everySubscription}}.
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
  @ModelAttribute
  void panel(@AuthenticationPrincipal SignedInAccount me, Model model) {
    LazyContextVariable<Panel> panel = new LazyContextVariable<>() {
      @Override
      protected Panel loadValue() {
        return me == null ? null : me.tenant().map(t -> help.panel(t, everySubscription(model))).orElse(null);
      }
    };
    model.addAttribute("guidance", new LazyContextVariable<Guidance>() {
      @Override
      protected Guidance loadValue() {
        return panel.getValue() == null ? null : panel.getValue().guidance();
      }
    });
    model.addAttribute("waitingCalls", new LazyContextVariable<List<WaitingCall>>() {
      @Override
      protected List<WaitingCall> loadValue() {
        return panel.getValue() == null ? List.of() : panel.getValue().waitingCalls();
      }
    });
  }

  /** Read when the page renders, so after its controller has put the list in the model (or not). */
  @SuppressWarnings("unchecked")
  private static List<SubscriptionSummary> everySubscription(Model model) {
    return model.getAttribute("everySubscription") instanceof List<?> all ? (List<SubscriptionSummary>) all : null;
  }
}
