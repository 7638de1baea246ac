package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.subscription.LifecycleEvent.CANCELLED;
import static org.billingcenter.subscription.LifecycleEvent.EXPIRY_GRACE_ELAPSED;
import static org.billingcenter.subscription.LifecycleEvent.REACTIVATED;
import static org.billingcenter.subscription.LifecycleEvent.RETENTION_ELAPSED;
import static org.billingcenter.subscription.LifecycleEvent.TERM_ENDED_WITHOUT_RENEWAL;
import static org.billingcenter.subscription.LifecycleEvent.TRIAL_ENDED_WITHOUT_PAYMENT_METHOD;
import static org.billingcenter.subscription.LifecycleEvent.TRIAL_ENDED_WITH_PAYMENT_METHOD;
import static org.billingcenter.subscription.SubscriptionStatus.ACTIVE;
import static org.billingcenter.subscription.SubscriptionStatus.DELETED;
import static org.billingcenter.subscription.SubscriptionStatus.DISABLED;
import static org.billingcenter.subscription.SubscriptionStatus.EXPIRED;
import static org.billingcenter.subscription.SubscriptionStatus.TRIAL;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleEventTest {

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @CsvSource({
    "TRIAL, TRIAL_ENDED_WITH_PAYMENT_METHOD, ACTIVE",
    "TRIAL, TRIAL_ENDED_WITHOUT_PAYMENT_METHOD, EXPIRED",
    "ACTIVE, TERM_ENDED_WITHOUT_RENEWAL, EXPIRED",
    "ACTIVE, CANCELLED, DISABLED",
    "EXPIRED, EXPIRY_GRACE_ELAPSED, DISABLED",
    "DISABLED, RETENTION_ELAPSED, DELETED",
    "EXPIRED, REACTIVATED, ACTIVE",
    "DISABLED, REACTIVATED, ACTIVE"
  })
  void the_design_lifecycle_is_allowed(
      SubscriptionStatus from, LifecycleEvent event, SubscriptionStatus to) {
    assertThat(event.applyTo(from)).contains(to);
  }

  /** Every (status, event) pair not in the design is refused: the table is complete. */
  @Test
  void nothing_else_is_a_transition() {
    Map<LifecycleEvent, Set<SubscriptionStatus>> allowed =
        Map.of(
            TRIAL_ENDED_WITH_PAYMENT_METHOD, Set.of(TRIAL),
            TRIAL_ENDED_WITHOUT_PAYMENT_METHOD, Set.of(TRIAL),
            TERM_ENDED_WITHOUT_RENEWAL, Set.of(ACTIVE),
            CANCELLED, Set.of(ACTIVE),
            EXPIRY_GRACE_ELAPSED, Set.of(EXPIRED),
            RETENTION_ELAPSED, Set.of(DISABLED),
            REACTIVATED, Set.of(EXPIRED, DISABLED));
    Set<String> refused = new HashSet<>();
    for (LifecycleEvent event : LifecycleEvent.values()) {
      for (SubscriptionStatus status : SubscriptionStatus.values()) {
        Optional<SubscriptionStatus> next = event.applyTo(status);
        assertThat(next.isPresent()).as(status + " " + event).isEqualTo(allowed.get(event).contains(status));
        if (next.isEmpty()) {
          refused.add(status + " " + event);
        }
      }
    }
    assertThat(refused).contains("TRIAL CANCELLED", "DELETED REACTIVATED", "EXPIRED CANCELLED");
  }

  @Test
  void a_deleted_subscription_goes_nowhere() {
    for (LifecycleEvent event : LifecycleEvent.values()) {
      assertThat(event.applyTo(DELETED)).as(event.name()).isEmpty();
    }
  }

  @Test
  void only_trial_and_active_are_live() {
    assertThat(TRIAL.isLive()).isTrue();
    assertThat(ACTIVE.isLive()).isTrue();
    assertThat(EXPIRED.isLive()).isFalse();
    assertThat(DISABLED.isLive()).isFalse();
    assertThat(DELETED.isLive()).isFalse();
  }
}
