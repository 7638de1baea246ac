package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.billingcenter.shared.MemberId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest(name = "{0} bought, {1} assigned, {2} matching, live {3}: {4} missing {5}")
  @CsvSource({
    "30, 0, 30, true, , 0",
    "30, 0, 31, true, NOT_ENOUGH_SEATS, 1",
    "25, 1, 29, true, NOT_ENOUGH_SEATS, 5",
    "25, 25, 1, true, NOT_ENOUGH_SEATS, 1",
    "20, 25, 1, true, NOT_ENOUGH_SEATS, 1", // a quantity below the assigned count has no free seat
    "10, 4, 6, true, , 0",
    "10, 0, 0, true, NO_MATCHING_MEMBERS, 0",
    "10, 0, 5, false, SUBSCRIPTION_NOT_LIVE, 0",
    "10, 0, 0, false, SUBSCRIPTION_NOT_LIVE, 0",
    "10000, 0, 10000, true, , 0",
  })
  void all_matching_members_fit_or_none_is_assigned_and_the_shortfall_is_counted(
      int purchased, int assigned, int matching, boolean live, LicensingReason refusal, int missing) {
    SeatPool.Change change = SeatPool.assignCount(purchased, assigned, matching, live);
    assertThat(change.refusal()).isEqualTo(Optional.ofNullable(refusal));
    assertThat(change.missing()).isEqualTo(missing);
  }

  @Test
  void a_refused_list_says_how_many_licenses_it_was_short_of() {
    List<MemberId> three = people(3);
    SeatPool.Change change = new SeatPool(4, Set.copyOf(three)).assign(people(4), true, true);
    assertThat(change.refusal()).contains(LicensingReason.NOT_ENOUGH_SEATS);
    assertThat(change.missing()).isEqualTo(3);
    assertThat(new SeatPool(4, Set.copyOf(three)).assign(three, true, true).missing()).isZero();
  }

  @Property
  void matching_assignments_never_exceed_the_quantity_and_missing_is_the_exact_shortfall(
      @ForAll @IntRange(min = 0, max = 60) int purchased,
      @ForAll @IntRange(min = 0, max = 60) int assigned,
      @ForAll @IntRange(min = 1, max = 80) int matching) {
    SeatPool.Change change = SeatPool.assignCount(purchased, assigned, matching, true);
    int free = Math.max(0, purchased - assigned);
    assertThat(change.allowed()).isEqualTo(matching <= free);
    assertThat(change.missing()).isEqualTo(Math.max(0, matching - free));
  }
}
