package org.billingcenter.subscription;

import static org.billingcenter.subscription.SubscriptionStatus.ACTIVE;
import static org.billingcenter.subscription.SubscriptionStatus.DELETED;
import static org.billingcenter.subscription.SubscriptionStatus.DISABLED;
import static org.billingcenter.subscription.SubscriptionStatus.EXPIRED;
import static org.billingcenter.subscription.SubscriptionStatus.TRIAL;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of DESIGN.md as a table: each event names the statuses it may start from and the
 * one it leads to. Anything not in the table is not a transition.
 */
public enum LifecycleEvent {
  TRIAL_ENDED_WITH_PAYMENT_METHOD(EnumSet.of(TRIAL), ACTIVE),
  TRIAL_ENDED_WITHOUT_PAYMENT_METHOD(EnumSet.of(TRIAL), EXPIRED),
  TERM_ENDED_WITHOUT_RENEWAL(EnumSet.of(ACTIVE), EXPIRED),
  CANCELLED(EnumSet.of(ACTIVE), DISABLED),
  EXPIRY_GRACE_ELAPSED(EnumSet.of(EXPIRED), DISABLED),
  RETENTION_ELAPSED(EnumSet.of(DISABLED), DELETED),
  REACTIVATED(EnumSet.of(EXPIRED, DISABLED), ACTIVE);

  private final Set<SubscriptionStatus> from;
  private final SubscriptionStatus to;

  LifecycleEvent(Set<SubscriptionStatus> from, SubscriptionStatus to) {
    this.from = from;
    this.to = to;
  }

  /** The status after this event, or empty when the event cannot happen in {@code current}. */
  public Optional<SubscriptionStatus> applyTo(SubscriptionStatus current) {
    return from.contains(current) ? Optional.of(to) : Optional.empty();
  }
}
