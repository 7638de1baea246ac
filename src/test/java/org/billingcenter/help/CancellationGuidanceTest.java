package org.billingcenter.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.billingcenter.help.CancellationGuidance.Item;
import org.billingcenter.help.CancellationGuidance.Situation;
import org.junit.jupiter.api.Test;

class CancellationGuidanceTest {

  static Item paid(String name, int assigned) {
    return new Item(name, name, false, assigned);
  }

  static Item trial(String name) {
    return new Item(name, name, true, 3);
  }

  @Test
  void all_current_subscriptions_at_or_above_the_threshold_leave_only_the_two_ways_forward() {
    var g = CancellationGuidance.of(List.of(paid("a", 25), paid("b", 180)), 25);
    assertThat(g.situation()).isEqualTo(Situation.ALL_AT_OR_ABOVE_THRESHOLD);
    assertThat(g.tooMany()).extracting(t -> t.licensesToRemove()).containsExactly(1, 156);
    assertThat(g.cancellableNow()).isEmpty();
  }

  @Test
  void only_trials_have_nothing_to_cancel() {
    assertThat(CancellationGuidance.of(List.of(trial("t1"), trial("t2")), 25).situation()).isEqualTo(Situation.ONLY_TRIALS);
  }

  @Test
  void a_mix_says_which_can_go_now_and_what_the_others_need() {
    var g = CancellationGuidance.of(List.of(paid("three", 3), paid("twentyfour", 24), paid("twentyfive", 25), trial("t")), 25);
    assertThat(g.situation()).isEqualTo(Situation.MIXED);
    assertThat(g.cancellableNow()).extracting(Item::productName).containsExactly("three", "twentyfour");
    assertThat(g.tooMany()).singleElement().satisfies(t -> assertThat(t.licensesToRemove()).isEqualTo(1));
    assertThat(g.trials()).extracting(Item::productName).containsExactly("t");
  }

  @Test
  void all_below_the_threshold_can_be_cancelled_online() {
    assertThat(CancellationGuidance.of(List.of(paid("a", 0), paid("b", 24)), 25).situation()).isEqualTo(Situation.ALL_CANCELLABLE);
  }

  @Test
  void nothing_current_is_nothing_to_cancel() {
    assertThat(CancellationGuidance.of(List.of(), 25).situation()).isEqualTo(Situation.NO_SUBSCRIPTIONS);
  }
}
