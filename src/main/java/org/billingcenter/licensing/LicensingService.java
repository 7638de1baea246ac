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
  private final SeatSearchRepository search;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LicensingService(
      LicenseAssignmentRepository assignments,
      SeatSearchRepository search,
      SubscriptionService subscriptions,
      TenantService tenants,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.assignments = assignments;
    this.search = search;
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

  /**
   * "Select all matching" as the API's JSON body and the users page's form send it: the search whose
   * matches to assign or unassign (blank: everyone on that list).
   */
  public record MatchingMembers(@NotNull @Size(max = MemberSearch.MAX_LENGTH) String query) {}

  /** Assigns seats to all of {@code members} or to none; returns the members who now hold one. */
  @Transactional
  public List<MemberId> assign(
      TenantId tenant, SubscriptionId id, @Size(max = MAX_MEMBERS) Collection<MemberId> members, String actor) {
    boolean allInTenant = tenants.lockMembers(tenant, members); // members first, as a removal locks them
    Subscription subscription = subscriptions.lock(tenant, id);
    List<MemberId> current = assignments.assignedMembers(tenant, id);
    SeatPool pool = new SeatPool(subscription.quantity(), new HashSet<>(current));
    SeatPool.Change change = pool.assign(members, allInTenant, subscription.status().isLive());
    refuseUnless(change, pool.free());
    assignments.insert(tenant, id, change.toAdd(), clock.instant());
    seatsChanged(tenant, id, actor, Change.of("LICENSES_ASSIGNED", "subscription", id), current.size(),
        current.size() + change.toAdd().size());
    return assignments.assignedMembers(tenant, id);
  }

  /**
   * "Select all matching": every member the search finds without a seat gets one, all or none, and
   * never above the quantity (else {@link NotEnoughSeats} with how many are missing). The database
   * resolves the search under the subscription's lock, so what is counted is what is assigned.
   */
  @Transactional
  public MatchingChange assignMatching(TenantId tenant, SubscriptionId id, String query, String actor) {
    MemberSearch matching = MemberSearch.of(query);
    search.lockMatching(tenant, matching); // members first, as a removal locks them
    Subscription subscription = subscriptions.lock(tenant, id);
    int before = (int) assignments.count(tenant, id);
    int candidates = (int) search.countCandidates(tenant, id, matching);
    SeatPool.Change change =
        SeatPool.assignCount(subscription.quantity(), before, candidates, subscription.status().isLive());
    int free = Math.max(0, subscription.quantity() - before);
    refuseUnless(change, free);
    int added = search.assignMatching(tenant, id, matching, clock.instant());
    if (added > free) { // a member added meanwhile matched too: all or none still holds
      throw new NotEnoughSeats(free, added - free);
    }
    seatsChanged(tenant, id, actor, matchingChange("LICENSES_ASSIGNED", id, matching), before, before + added);
    return new MatchingChange(added, before + added, subscription.quantity());
  }

  /** "Select all matching" to take seats back: every holder the search finds loses the seat. */
  @Transactional
  public MatchingChange unassignMatching(TenantId tenant, SubscriptionId id, String query, String actor) {
    MemberSearch matching = MemberSearch.of(query);
    Subscription subscription = subscriptions.lock(tenant, id);
    int before = (int) assignments.count(tenant, id);
    int removed = search.unassignMatching(tenant, id, matching);
    if (removed == 0) {
      throw new Rejected(LicensingReason.NO_MATCHING_MEMBERS);
    }
    seatsChanged(tenant, id, actor, matchingChange("LICENSES_UNASSIGNED", id, matching), before, before - removed);
    return new MatchingChange(removed, before - removed, subscription.quantity());
  }

  /** What a "select all matching" did: members changed, seats held after it, licenses bought. */
  public record MatchingChange(int changed, int assigned, int quantity) {}

  private static Change matchingChange(String action, SubscriptionId id, MemberSearch matching) {
    return Change.of(action, "subscription", id).because("all matching \"" + matching.text() + "\"");
  }

  private static void refuseUnless(SeatPool.Change change, int free) {
    if (change.missing() > 0) {
      throw new NotEnoughSeats(free, change.missing());
    }
    if (!change.allowed()) {
      throw new Rejected(change.refusal().orElseThrow(), free);
    }
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
    seatsChanged(tenant, id, actor, Change.of("LICENSES_UNASSIGNED", "subscription", id), current.size(),
        current.size() - distinct.size());
    return assignments.assignedMembers(tenant, id);
  }

  /** The one audit row and the event of a change in seats. */
  private void seatsChanged(TenantId tenant, SubscriptionId id, String actor, Change change, int before, int after) {
    audit.record(tenant, actor, change.from(before + " assigned").to(after + " assigned"));
    events.publishEvent(new SeatsChanged(tenant, id, after));
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

  /** How a list of members is sorted: by name (for people) or by member id (the API's order). */
  public enum ListOrder { NAME, ID }

  /** A page of the seat holders whose name or e-mail contains {@code query} (any case; blank: all). */
  @Transactional(readOnly = true)
  public Page<Member> holders(TenantId tenant, SubscriptionId id, String query, ListOrder order, PageRequest page) {
    MemberSearch matching = MemberSearch.of(query);
    subscriptions.get(tenant, id);
    return new Page<>(search.holders(tenant, id, matching, order, page), page,
        search.countHolders(tenant, id, matching));
  }

  /** A page of the members without a seat of this subscription whose name or e-mail contains {@code query}. */
  @Transactional(readOnly = true)
  public Page<Member> candidates(TenantId tenant, SubscriptionId id, String query, ListOrder order, PageRequest page) {
    MemberSearch matching = MemberSearch.of(query);
    subscriptions.get(tenant, id);
    return new Page<>(search.candidates(tenant, id, matching, order, page), page,
        search.countCandidates(tenant, id, matching));
  }
}
