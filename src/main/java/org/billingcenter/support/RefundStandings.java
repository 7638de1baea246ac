package org.billingcenter.support;

import java.time.LocalDate;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.shared.RefundWindow.Standing;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a callback request's subscription stands against the refund window, for the support
 * console's cards: whether the organisation asked within it (and so keeps its right to a prorated
 * credit) or the window has closed. The same shared rule and the same facts as the cancellation
 * policy (the first request of the period, in the tenant's zone), read here because support may
 * not depend on cancellation.
 */
@Component("refundStandings")
public class RefundStandings {

  private final RefundWindow window;
  private final CallbackService callbacks;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;

  RefundStandings(
      RefundWindow window, CallbackService callbacks, SubscriptionService subscriptions, TenantService tenants) {
    this.window = window;
    this.callbacks = callbacks;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  /** Null when no window is set, the request was withdrawn, or the subscription is no longer live. */
  @Transactional(readOnly = true)
  public @Nullable Standing of(CallbackRequest r) {
    if (window.days() == null || r.status() == CallbackStatus.WITHDRAWN) {
      return null;
    }
    Subscription s = subscriptions.get(r.tenant(), r.subscription()).subscription();
    if (s.status() != SubscriptionStatus.ACTIVE || s.currentPeriod() == null) {
      return null;
    }
    LocalDate start = s.currentPeriod().start();
    LocalDate requestedOn = callbacks.firstRequestOn(r.tenant(), r.subscription(), start).orElse(null);
    return window.standing(start, tenants.today(r.tenant()), requestedOn).orElse(null);
  }
}
