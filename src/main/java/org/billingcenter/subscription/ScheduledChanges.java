package org.billingcenter.subscription;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Component;

/**
 * The scheduled-change half of {@link SubscriptionService}: schedule, withdraw, void. Callers hold
 * the subscription's lock, so a change and the renewal or cancellation it races with serialise.
 */
@Component
class ScheduledChanges {

  static final String ENTITY = "subscription";

  private final ScheduledChangeRepository changes;
  private final AuditLog audit;
  private final Clock clock;

  ScheduledChanges(ScheduledChangeRepository changes, AuditLog audit, Clock clock) {
    this.changes = changes;
    this.audit = audit;
    this.clock = clock;
  }

  /** For the renewal that starts the next period; an older PENDING change of the kind is withdrawn. */
  ScheduledChange schedule(Subscription locked, ScheduledChange.Kind kind, Integer quantity, String planId, String actor) {
    if (locked.status() != SubscriptionStatus.ACTIVE || locked.currentPeriod() == null) {
      throw new Rejected(SubscriptionReason.ILLEGAL_TRANSITION, locked.status());
    }
    if (locked.isEnding()) {
      throw new Rejected(SubscriptionReason.ENDING_AT_TERM);
    }
    if (!locked.autoRenew()) {
      throw new Rejected(SubscriptionReason.NOT_RENEWING);
    }
    ScheduledChange change =
        new ScheduledChange(locked.tenant(), UUID.randomUUID(), locked.id(), kind,
            kind == ScheduledChange.Kind.QUANTITY ? quantity : null,
            kind == ScheduledChange.Kind.PLAN ? planId : null,
            locked.currentPeriod().endExclusive(), ScheduledChange.Status.PENDING, actor, clock.instant());
    if (kind == ScheduledChange.Kind.QUANTITY
        && (quantity == null || quantity < 1 || quantity > SubscriptionService.MAX_QUANTITY)) {
      throw new Rejected(SubscriptionReason.QUANTITY_OUT_OF_RANGE, 1, SubscriptionService.MAX_QUANTITY);
    }
    if (kind == ScheduledChange.Kind.PLAN && (planId == null || planId.isBlank())) {
      throw new IllegalArgumentException("a PLAN change needs a plan");
    }
    for (ScheduledChange older : changes.pending(locked.tenant(), locked.id())) {
      if (older.kind() == kind) {
        finish(older, ScheduledChange.Status.WITHDRAWN, "SCHEDULED_CHANGE_REPLACED", actor);
      }
    }
    changes.insert(change);
    audit.record(locked.tenant(), actor,
        Change.of("SCHEDULED_CHANGE_ADDED", ENTITY, locked.id()).to(change.id() + " " + change.describe()));
    return change;
  }

  ScheduledChange withdraw(Subscription locked, UUID changeId, String actor) {
    ScheduledChange change =
        changes.find(locked.tenant(), locked.id(), changeId)
            .orElseThrow(() -> new Rejected(SubscriptionReason.SCHEDULED_CHANGE_NOT_FOUND));
    if (change.status() != ScheduledChange.Status.PENDING) {
      throw new Rejected(SubscriptionReason.SCHEDULED_CHANGE_NOT_PENDING, change.status());
    }
    return finish(change, ScheduledChange.Status.WITHDRAWN, "SCHEDULED_CHANGE_WITHDRAWN", actor);
  }

  /** The subscription stops renewing: nothing is left for its pending changes to apply to. */
  void voidPending(Subscription locked, String actor) {
    for (ScheduledChange change : changes.pending(locked.tenant(), locked.id())) {
      finish(change, ScheduledChange.Status.VOIDED, "SCHEDULED_CHANGE_VOIDED", actor);
    }
  }

  List<ScheduledChange> pending(TenantId tenant, SubscriptionId id) {
    return changes.pending(tenant, id);
  }

  List<ScheduledChange> pending(TenantId tenant, List<SubscriptionId> ids) {
    return changes.pending(tenant, ids);
  }

  private ScheduledChange finish(ScheduledChange change, ScheduledChange.Status to, String action, String actor) {
    changes.finish(change.tenant(), change.id(), to, clock.instant());
    audit.record(change.tenant(), actor,
        Change.of(action, ENTITY, change.subscription())
            .from(change.id() + " " + change.describe() + " " + change.status())
            .to(to));
    return change.withStatus(to);
  }
}
