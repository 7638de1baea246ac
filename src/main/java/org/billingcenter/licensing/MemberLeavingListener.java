package org.billingcenter.licensing;

import java.util.List;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.MemberHoldings;
import org.billingcenter.tenant.MemberLeaving;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member who leaves the organisation releases his licenses, in the removing transaction (before
 * his row goes, which the assignments' foreign key requires). The confirmation page's list of what he
 * will lose comes from here too, so the preview and the effect read the same rows.
 */
@Component
class MemberLeavingListener implements MemberHoldings {

  private final LicenseAssignmentRepository assignments;
  private final SubscriptionService subscriptions;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  MemberLeavingListener(
      LicenseAssignmentRepository assignments,
      SubscriptionService subscriptions,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.assignments = assignments;
    this.subscriptions = subscriptions;
    this.audit = audit;
    this.events = events;
  }

  /** Each subscription locked (in id order, as every seat change does) before its seat is freed. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void release(MemberLeaving leaving) {
    TenantId tenant = leaving.tenant();
    MemberId member = leaving.member();
    for (SubscriptionId id : assignments.subscriptionsHeldBy(tenant, member)) {
      subscriptions.lock(tenant, id);
      int before = (int) assignments.count(tenant, id);
      int after = before - assignments.delete(tenant, id, List.of(member));
      audit.record(
          tenant,
          leaving.actor(),
          Change.of("LICENSES_RELEASED", "subscription", id)
              .from(before + " assigned")
              .to(after + " assigned")
              .because("member removed: " + member));
      events.publishEvent(new SeatsChanged(tenant, id, after));
    }
  }

  @Override
  public List<HeldLicense> licensesOf(TenantId tenant, MemberId member) {
    return assignments.subscriptionsHeldBy(tenant, member).stream()
        .map(id -> new HeldLicense(id, subscriptions.get(tenant, id).productName()))
        .toList();
  }
}
