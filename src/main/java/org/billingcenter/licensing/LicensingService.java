package org.billingcenter.licensing;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Assigns license seats to members, under the subscription's lock so counts stay true. */
@Service
@Validated
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

  /** The most members one request may assign or unassign. */
  public static final int MAX_MEMBERS = 10_000;

  /**
   * The members a request names, as the API's JSON body and the users page's checkboxes send them:
   * the one set of constraints both are checked against (and this service again). An empty choice
   * reads as the bundles' {@code NotEmpty.memberIds} (a field code wins over a constraint's message).
   */
  public record MemberIds(
      @NotEmpty @Size(max = MAX_MEMBERS) List<@NotNull UUID> memberIds) {

    public List<MemberId> ids() {
      return memberIds.stream().map(MemberId::new).toList();
    }
  }

  /** Assigns seats to all of {@code members} or to none; returns the members who now hold one. */
  @Transactional
  public List<MemberId> assign(
      TenantId tenant, SubscriptionId id, @Size(max = MAX_MEMBERS) Collection<MemberId> members, String actor) {
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
    return seatsChanged(tenant, id, actor, "LICENSES_ASSIGNED", current.size(), current.size() + change.toAdd().size());
  }

  /**
   * Takes seats back from the given members. A member without a seat on this subscription is a
   * mistake in the request, so the whole request is refused and nothing changes.
   */
  @Transactional
  public List<MemberId> unassign(
      TenantId tenant, SubscriptionId id, @Size(max = MAX_MEMBERS) Collection<MemberId> members, String actor) {
    subscriptions.lock(tenant, id);
    List<MemberId> current = assignments.assignedMembers(tenant, id);
    List<MemberId> distinct = List.copyOf(new java.util.LinkedHashSet<>(members));
    if (distinct.isEmpty()) {
      throw new Rejected(LicensingReason.NO_MEMBERS_GIVEN);
    }
    if (!current.containsAll(distinct)) {
      throw new Rejected(LicensingReason.MEMBER_HAS_NO_LICENSE);
    }
    assignments.delete(tenant, id, distinct);
    return seatsChanged(tenant, id, actor, "LICENSES_UNASSIGNED", current.size(), current.size() - distinct.size());
  }

  /** The audit row and the event of a change in seats; the seat holders after it. */
  private List<MemberId> seatsChanged(
      TenantId tenant, SubscriptionId id, String actor, String action, int before, int after) {
    audit.record(
        tenant, actor, Change.of(action, "subscription", id).from(before + " assigned").to(after + " assigned"));
    events.publishEvent(new SeatsChanged(tenant, id, after));
    return assignments.assignedMembers(tenant, id);
  }

  /** Every member loses their seat: the subscription has ended. The caller holds the lock. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int releaseAll(TenantId tenant, SubscriptionId id, String actor) {
    int released = assignments.deleteAll(tenant, id);
    if (released > 0) {
      audit.record(
          tenant,
          actor,
          Change.of("LICENSES_RELEASED", "subscription", id).from(released + " assigned").to("0 assigned"));
      events.publishEvent(new SeatsChanged(tenant, id, 0));
    }
    return released;
  }

  /** Who holds a seat of a subscription the caller has already read within its tenant. */
  @Transactional(readOnly = true)
  public List<MemberId> seatHolders(Subscription subscription) {
    return assignments.assignedMembers(subscription.tenant(), subscription.id());
  }

  @Transactional(readOnly = true)
  public List<MemberId> assignedMembers(TenantId tenant, SubscriptionId id) {
    subscriptions.get(tenant, id);
    return assignments.assignedMembers(tenant, id);
  }

  /** A page of the seat holders, by member id (the API's stable order). */
  @Transactional(readOnly = true)
  public Page<MemberId> assignedMembers(TenantId tenant, SubscriptionId id, PageRequest page) {
    subscriptions.get(tenant, id);
    return new Page<>(assignments.assignedMembers(tenant, id, page), page, assignments.count(tenant, id));
  }

  /** A page of the seat holders, by their names (the Users page's order). */
  @Transactional(readOnly = true)
  public Page<Member> assignedMembersByName(TenantId tenant, SubscriptionId id, PageRequest page) {
    subscriptions.get(tenant, id);
    List<MemberId> ids = assignments.assignedMembersByName(tenant, id, page);
    return new Page<>(tenants.members(tenant, ids), page, assignments.count(tenant, id));
  }
}
