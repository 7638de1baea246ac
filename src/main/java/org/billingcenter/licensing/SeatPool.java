package org.billingcenter.licensing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.shared.MemberId;

/**
 * The seats of one subscription: never more members assigned than licenses purchased. A pure rule:
 * it says what would change, or why nothing may.
 */
public record SeatPool(int purchased, Set<MemberId> assigned) {

  public SeatPool {
    assigned = Set.copyOf(assigned);
  }

  /** The outcome of a requested change: the refusal, or the members to add (new ones only). */
  public record Change(Optional<LicensingReason> refusal, List<MemberId> toAdd) {

    static Change refused(LicensingReason reason) {
      return new Change(Optional.of(reason), List.of());
    }

    public boolean allowed() {
      return refusal.isEmpty();
    }
  }

  public int free() {
    return Math.max(0, purchased - assigned.size());
  }

  /**
   * Assigning is all-or-nothing: members already holding a seat are left as they are, and if the
   * rest do not all fit, nobody is assigned.
   *
   * @param allInTenant whether every requested member belongs to the subscription's tenant
   * @param live whether the subscription can take assignments at all (trial or active)
   */
  public Change assign(Collection<MemberId> requested, boolean allInTenant, boolean live) {
    if (requested.isEmpty()) {
      return Change.refused(LicensingReason.NO_MEMBERS_GIVEN);
    }
    if (!live) {
      return Change.refused(LicensingReason.SUBSCRIPTION_NOT_LIVE);
    }
    if (!allInTenant) {
      return Change.refused(LicensingReason.MEMBER_NOT_IN_TENANT);
    }
    List<MemberId> toAdd = new ArrayList<>(new LinkedHashSet<>(requested));
    toAdd.removeAll(assigned);
    if (toAdd.size() > free()) {
      return Change.refused(LicensingReason.NOT_ENOUGH_SEATS);
    }
    return new Change(Optional.empty(), List.copyOf(toAdd));
  }
}
