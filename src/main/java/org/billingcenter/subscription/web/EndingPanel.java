package org.billingcenter.subscription.web;

import java.time.LocalDate;
import org.billingcenter.subscription.LifecycleEvent;
import org.billingcenter.subscription.ReactivationPreview;
import org.billingcenter.subscription.Reactivations;
import org.billingcenter.subscription.ScheduledEnd;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The details page's ending panel as {@code ${ending}}: until when a term-end cancellation can be
 * undone, or what an ended subscription's reactivation would do. Lazy, and read from the {@code
 * row} the page's handler put in the model, so only a page that shows the panel pays for it.
 */
@ControllerAdvice(assignableTypes = ProductsPages.class)
class EndingPanel {

  /** {@code lastUndoDay} while the undo is still possible; {@code reactivation} when ended. */
  record View(@Nullable LocalDate lastUndoDay, @Nullable ReactivationPreview reactivation) {}

  private final Reactivations reactivations;
  private final TenantService tenants;

  EndingPanel(Reactivations reactivations, TenantService tenants) {
    this.reactivations = reactivations;
    this.tenants = tenants;
  }

  @ModelAttribute("ending")
  LazyContextVariable<View> ending(Model model) {
    return new LazyContextVariable<>() {
      @Override
      protected View loadValue() {
        return model.getAttribute("row") instanceof SubscriptionSummary row ? view(row.subscription()) : null;
      }
    };
  }

  private View view(Subscription s) {
    if (LifecycleEvent.REACTIVATED.applyTo(s.status()).isPresent()) {
      return new View(null, reactivations.preview(s.tenant(), s.id()));
    }
    boolean undoable = ScheduledEnd.refusalToUndo(s.status(), s.scheduledCancelOn(), tenants.today(s.tenant())).isEmpty();
    return new View(undoable ? ScheduledEnd.lastUndoDay(s.scheduledCancelOn()) : null, null);
  }
}
