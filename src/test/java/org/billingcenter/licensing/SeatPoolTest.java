package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.billingcenter.shared.MemberId;
import org.junit.jupiter.api.Test;

class SeatPoolTest {

  private static List<MemberId> people(int n) {
    return IntStream.range(0, n).mapToObj(i -> MemberId.random()).toList();
  }

  @Test
  void seats_can_be_assigned_up_to_the_purchased_quantity() {
    List<MemberId> five = people(5);
    SeatPool.Change change = new SeatPool(5, Set.of()).assign(five, true, true);
    assertThat(change.allowed()).isTrue();
    assertThat(change.toAdd()).containsExactlyElementsOf(five);
  }

  @Test
  void one_more_than_the_free_seats_assigns_nobody() {
    SeatPool.Change change = new SeatPool(5, Set.copyOf(people(3))).assign(people(3), true, true);
    assertThat(change.refusal()).contains(LicensingReason.NOT_ENOUGH_SEATS);
    assertThat(change.toAdd()).isEmpty();
  }

  @Test
  void members_who_already_hold_a_seat_take_no_new_one() {
    List<MemberId> three = people(3);
    SeatPool.Change change = new SeatPool(3, Set.copyOf(three)).assign(three, true, true);
    assertThat(change.allowed()).isTrue();
    assertThat(change.toAdd()).isEmpty();
  }

  @Test
  void the_same_member_twice_in_one_request_takes_one_seat() {
    MemberId once = MemberId.random();
    SeatPool.Change change = new SeatPool(1, Set.of()).assign(List.of(once, once), true, true);
    assertThat(change.toAdd()).containsExactly(once);
  }

  @Test
  void a_member_of_another_tenant_is_refused() {
    assertThat(new SeatPool(5, Set.of()).assign(people(1), false, true).refusal())
        .contains(LicensingReason.MEMBER_NOT_IN_TENANT);
  }

  @Test
  void an_ended_subscription_takes_no_assignments() {
    assertThat(new SeatPool(5, Set.of()).assign(people(1), true, false).refusal())
        .contains(LicensingReason.SUBSCRIPTION_NOT_LIVE);
  }

  @Test
  void an_empty_request_is_refused() {
    assertThat(new SeatPool(5, Set.of()).assign(List.of(), true, true).refusal())
        .contains(LicensingReason.NO_MEMBERS_GIVEN);
  }

  @Test
  void free_seats_never_go_negative_after_a_quantity_reduction() {
    assertThat(new SeatPool(2, Set.copyOf(people(3))).free()).isZero();
  }

  @Property
  void assignments_never_exceed_the_quantity(
      @ForAll @IntRange(min = 1, max = 60) int purchased,
      @ForAll @IntRange(min = 0, max = 60) int alreadyAssigned,
      @ForAll @IntRange(min = 1, max = 80) int requested) {
    int assigned = Math.min(alreadyAssigned, purchased);
    Set<MemberId> current = new HashSet<>(people(assigned));
    SeatPool.Change change = new SeatPool(purchased, current).assign(people(requested), true, true);
    List<MemberId> after = new ArrayList<>(current);
    after.addAll(change.toAdd());
    assertThat(after).hasSizeLessThanOrEqualTo(purchased).doesNotHaveDuplicates();
    assertThat(change.allowed()).isEqualTo(assigned + requested <= purchased);
  }
}
