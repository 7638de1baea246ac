package org.billingcenter.support;

import org.billingcenter.subscription.SubscriptionCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once a subscription has ended, an unclaimed "Let us call you" request about cancelling it is moot:
 * it is withdrawn. A claimed one stays with its engineer. Runs inside the cancellation's transaction:
 * both happen or neither, and the cancellation needs no outbox round trip (two commits fewer).
 */
@Component
class CallbacksOnCancellation {

  static final String ACTOR = "system";

  private final CallbackRepository requests;
  private final CallbackService callbacks;

  CallbacksOnCancellation(CallbackRepository requests, CallbackService callbacks) {
    this.requests = requests;
    this.callbacks = callbacks;
  }

  @EventListener
  void on(SubscriptionCancelled cancelled) {
    if (!cancelled.immediate()) {
      return;
    }
    requests.unclaimed(cancelled.tenant(), cancelled.subscription())
        .forEach(r -> callbacks.withdraw(r.tenant(), r.id(), ACTOR, "subscription cancelled by " + cancelled.actor()));
  }
}
