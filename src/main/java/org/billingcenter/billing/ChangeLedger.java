package org.billingcenter.billing;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.PlanChanged;
import org.billingcenter.subscription.ProratedAmount;
import org.billingcenter.subscription.ProratedAmount.Direction;
import org.billingcenter.subscription.QuantityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Books the money of quantity and plan changes inside the transaction that made them (a change
 * and its money commit or fail together): a CHARGE waits for the billing run of its date, a CREDIT
 * becomes a pending credit returned like a cancellation credit. Each change books each direction
 * once; a replayed event books nothing.
 */
@Component
class ChangeLedger {

  private final ProratedRepository prorated;
  private final CreditRepository credits;
  private final AuditLog audit;
  private final BillingEvents outbox;
  private final Clock clock;

  ChangeLedger(ProratedRepository prorated, CreditRepository credits, AuditLog audit, BillingEvents outbox, Clock clock) {
    this.prorated = prorated;
    this.credits = credits;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void quantityChanged(QuantityChanged changed) {
    book(changed.tenant(), changed.subscription(), changed.changeId(), changed.money(), changed.actor());
  }

  @EventListener
  void planChanged(PlanChanged changed) {
    book(changed.tenant(), changed.subscription(), changed.changeId(), changed.money(), changed.actor());
  }

  private void book(TenantId tenant, SubscriptionId subscription, UUID changeId, List<ProratedAmount> money, String actor) {
    Set<Direction> seen = EnumSet.noneOf(Direction.class);
    for (ProratedAmount amount : money) {
      // The key is change + direction: a second amount of one direction would be silently lost.
      if (!seen.add(amount.direction())) {
        throw new IllegalArgumentException("change " + changeId + " has two " + amount.direction() + " amounts");
      }
      if (amount.direction() == Direction.CHARGE) {
        charge(tenant, subscription, changeId, amount, actor);
      } else {
        credit(tenant, subscription, changeId, amount, actor);
      }
    }
  }

  private void charge(TenantId tenant, SubscriptionId subscription, UUID changeId, ProratedAmount amount, String actor) {
    String status = amount.amount().isPositive() ? "PENDING" : "ZERO";
    if (prorated.insert(tenant, subscription, changeId, amount, status, null, clock.instant())) {
      audit.record(tenant, actor, Change.of("PRORATED_CHARGE_RECORDED", "subscription", subscription)
          .to(amount.amount() + " for " + changeId + ", on the invoice of " + amount.on()));
    }
  }

  private void credit(TenantId tenant, SubscriptionId subscription, UUID changeId, ProratedAmount amount, String actor) {
    boolean owed = amount.amount().isPositive();
    UUID creditId = owed ? UUID.randomUUID() : null;
    if (!prorated.insert(tenant, subscription, changeId, amount, owed ? "CREDITED" : "ZERO", creditId, clock.instant())) {
      return;
    }
    if (owed) {
      Credit credit = new Credit(tenant, creditId, subscription, amount.amount(), Credit.Status.PENDING, amount.on(),
          clock.instant());
      credits.insertForChange(credit, changeId);
      audit.record(tenant, actor, Change.of("CREDIT_RECORDED", "credit", creditId)
          .to(credit.amount() + " pending for " + changeId + ", returned on " + credit.returnOn()));
      outbox.creditCreated(credit);
    }
  }
}
