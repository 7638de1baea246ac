package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.billingcenter.subscription.ReactivationPreview.NextSteps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What happens to an ended subscription nobody reactivates, counted as the lifecycle job counts. */
class ReactivationNextStepsTest {

  @ParameterizedTest(name = "{0} on {1} ({2}/{3} days): disabled {4}, deleted {5}")
  @CsvSource(nullValues = "-", textBlock = """
      EXPIRED,  2026-04-10, 30, 90, 2026-05-10, 2026-08-08
      EXPIRED,  2026-01-31, 30, 90, 2026-03-02, 2026-05-31
      DISABLED, 2026-04-10, 30, 90, -,          2026-07-09
      DISABLED, 2026-04-10, 30, 0,  -,          2026-04-10
      EXPIRED,  2026-04-10, 0,  90, 2026-04-10, 2026-07-09
      """)
  void an_expired_one_is_disabled_after_the_expired_days_and_deleted_after_the_disabled_days(
      SubscriptionStatus status, LocalDate endedOn, int expiredDays, int disabledDays, LocalDate disabledOn,
      LocalDate deletedOn) {
    assertThat(NextSteps.of(status, endedOn, new LifecycleSettings(expiredDays, disabledDays)))
        .isEqualTo(new NextSteps(disabledOn, deletedOn));
  }
}
