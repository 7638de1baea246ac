package org.billingcenter.cancellation;

import java.util.List;
import org.billingcenter.cancellation.CancellationDecision.Preview;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.tenant.Member;
import org.springframework.stereotype.Component;

/**
 * The outbox event of a cancellation, written in its transaction: {@code subscription.cancelled}
 * when access ends now, {@code subscription.cancellation_scheduled} at term end (the lifecycle job
 * writes the term-end {@code subscription.cancelled}). A support engineer acts as
 * {@code support:<username>}, on the organisation's behalf.
 */
@Component
class CancellationEvents {

  private final Outbox outbox;

  CancellationEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  void cancelled(Subscription locked, Preview preview, Canceller who, List<Member> losingAccess) {
    if (preview.when() != CancelWhen.NOW) {
      outbox.append(locked.tenant(), EventType.SUBSCRIPTION_CANCELLATION_SCHEDULED, locked.id(),
          EventData.of("subscriptionId", locked.id())
              .with("endsOn", preview.effectiveOn())
              .with("actor", actor(who)).asMap());
      return;
    }
    boolean credited = preview.credit() != null && preview.credit().isPositive();
    outbox.append(locked.tenant(), EventType.SUBSCRIPTION_CANCELLED, locked.id(),
        EventData.of("subscriptionId", locked.id())
            .with("planId", locked.planId())
            .with("cancelledAt", preview.effectiveAt())
            .with("actor", actor(who))
            .with("onBehalf", who.assisting())
            .with("credit", credited ? preview.credit() : null)
            .with("creditReturnedOn", credited ? preview.creditReturnedOn() : null)
            .with("membersLosingAccess", losingAccess.stream()
                .map(m -> new LosingAccess(m.id().toString(), m.displayName()))
                .toList())
            .asMap());
  }

  /** One of {@code membersLosingAccess}. */
  record LosingAccess(String memberId, String name) {}

  static String actor(Canceller who) {
    return who.assisting() ? "support:" + who.username() : who.username();
  }
}
