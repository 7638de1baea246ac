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
 * it says what would change, or why nothing may (and, when seats are short, how many are missing).
 */
public record SeatPool(int purchased, Set<MemberId> assigned) {

  public SeatPool {
    assigned = Set.copyOf(assigned);
  }

  /**
   * The outcome of a requested change: the refusal, or the members to add (new ones only).
   * {@code missing} is how many more licenses the request would need: above zero only when it was
   * refused for {@link LicensingReason#NOT_ENOUGH_SEATS}.
   */
  public record Change(Optional<LicensingReason> refusal, List<MemberId> toAdd, int missing) {

    static Change refused(LicensingReason reason) {
      return new Change(Optional.of(reason), List.of(), 0);
    }

    public boolean allowed() {
      return refusal.isEmpty();
    }
  }

  public int free() {
    return free(purchased, assigned.size());
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
    int missing = toAdd.size() - free();
    if (missing > 0) {
      return notEnough(missing);
    }
    return new Change(Optional.empty(), List.copyOf(toAdd), 0);
  }

  /**
   * The same rule for members known only by their number: those a search matched who hold no seat
   * yet ({@code newMembers}), found by the database. A search that leaves nobody to assign is
   * refused: "select all matching" that matches no one is a mistake worth saying.
   */
  public static Change assignCount(int purchased, int assigned, int newMembers, boolean live) {
    if (!live) {
      return Change.refused(LicensingReason.SUBSCRIPTION_NOT_LIVE);
    }
    if (newMembers <= 0) {
      return Change.refused(LicensingReason.NO_MATCHING_MEMBERS);
    }
    int missing = newMembers - free(purchased, assigned);
    if (missing > 0) {
      return notEnough(missing);
    }
    return new Change(Optional.empty(), List.of(), 0);
  }

  private static Change notEnough(int missing) {
    return new Change(Optional.of(LicensingReason.NOT_ENOUGH_SEATS), List.of(), missing);
  }

  private static int free(int purchased, int assigned) {
    return Math.max(0, purchased - assigned);
  }
}
