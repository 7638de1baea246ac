package org.billingcenter.subscription.web;

import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.TrialService;
import org.billingcenter.subscription.TrialService.TrialOutlook;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The trial panel of a subscription's details ({@code subscription/trial-panel}) as
 * {@code ${trialOutlook}}: what the trial's end will do, and whether it may be extended. Lazy: worked
 * out only when the details page of a trial shows the panel.
 */
@ControllerAdvice(assignableTypes = ProductsPages.class)
class TrialPanel {

  private final SubscriptionService subscriptions;
  private final TrialService trials;

  TrialPanel(SubscriptionService subscriptions, TrialService trials) {
    this.subscriptions = subscriptions;
    this.trials = trials;
  }

  @ModelAttribute("trialOutlook")
  LazyContextVariable<TrialOutlook> trialOutlook(
      @AuthenticationPrincipal SignedInAccount me, @PathVariable(name = "id", required = false) UUID id) {
    return new LazyContextVariable<>() {
      @Override
      protected TrialOutlook loadValue() {
        return me == null || id == null ? null : me.tenant()
            .map(tenant -> trials.outlook(tenant, subscriptions.get(tenant, new SubscriptionId(id))))
            .orElse(null);
      }
    };
  }
}
