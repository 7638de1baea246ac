package org.billingcenter.support;

import org.billingcenter.subscription.SubscriptionCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a subscription has ended, an unclaimed "Let us call you" request about cancelling it is moot:
 * it is withdrawn. A claimed one stays with its engineer. Runs after the cancellation commits, from
 * the event publication registry (the outbox), so a crash in between does not lose it.
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

  @ApplicationModuleListener
  void on(SubscriptionCancelled cancelled) {
    if (!cancelled.immediate()) {
      return;
    }
    requests.unclaimed(cancelled.tenant(), cancelled.subscription())
        .forEach(r -> callbacks.withdraw(r.tenant(), r.id(), ACTOR, "subscription cancelled by " + cancelled.actor()));
  }
}
