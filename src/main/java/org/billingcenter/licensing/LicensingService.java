package org.billingcenter.licensing;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assigns license seats to members, under the subscription's lock so counts stay true. */
@Service
public class LicensingService {

  private final LicenseAssignmentRepository assignments;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LicensingService(
      LicenseAssignmentRepository assignments,
      SubscriptionService subscriptions,
      TenantService tenants,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.assignments = assignments;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Assigns seats to all of {@code members} or to none; returns the members who now hold one. */
  @Transactional
  public List<MemberId> assign(
      TenantId tenant, SubscriptionId id, Collection<MemberId> members, String actor) {
    Subscription subscription = subscriptions.lock(tenant, id);
    List<MemberId> current = assignments.assignedMembers(tenant, id);
    SeatPool pool = new SeatPool(subscription.quantity(), new HashSet<>(current));
    SeatPool.Change change =
        pool.assign(
            members, tenants.allMembersOf(tenant, members), subscription.status().isLive());
    if (!change.allowed()) {
      throw new Rejected(change.refusal().orElseThrow(), pool.free());
    }
    assignments.insert(tenant, id, change.toAdd(), clock.instant());
    int assigned = current.size() + change.toAdd().size();
    audit.record(
        tenant,
        actor,
        Change.of("LICENSES_ASSIGNED", "subscription", id)
            .from(current.size() + " assigned")
            .to(assigned + " assigned"));
    events.publishEvent(new SeatsChanged(tenant, id, assigned));
    return assignments.assignedMembers(tenant, id);
  }

  @Transactional(readOnly = true)
  public List<MemberId> assignedMembers(TenantId tenant, SubscriptionId id) {
    subscriptions.get(tenant, id);
    return assignments.assignedMembers(tenant, id);
  }
}
