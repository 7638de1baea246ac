package org.billingcenter.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Undoing a term-end cancellation: until the day before the end day, tenant-local; only an ending ACTIVE one. */
class ScheduledEndTest {

  @ParameterizedTest(name = "{0}, ends {1}, today {2}: {3}")
  @CsvSource(nullValues = "-", textBlock = """
      ACTIVE,   2026-12-28, 2026-11-28, -
      ACTIVE,   2026-12-28, 2026-12-27, -
      ACTIVE,   2026-12-28, 2026-12-28, UNDO_TOO_LATE
      ACTIVE,   2026-12-28, 2026-12-29, UNDO_TOO_LATE
      ACTIVE,   2027-01-01, 2026-12-31, -
      ACTIVE,   2024-03-01, 2024-02-29, -
      ACTIVE,   -,          2026-12-27, NOT_ENDING
      EXPIRED,  2026-12-28, 2026-12-27, NOT_ENDING
      DISABLED, -,          2026-12-27, NOT_ENDING
      TRIAL,    -,          2026-12-27, NOT_ENDING
      """)
  void the_day_before_the_end_is_the_last_day_to_undo(
      SubscriptionStatus status, LocalDate endsOn, LocalDate today, SubscriptionReason refusal) {
    assertThat(ScheduledEnd.refusalToUndo(status, endsOn, today)).isEqualTo(java.util.Optional.ofNullable(refusal));
  }

  @ParameterizedTest(name = "ends {0}: last undo day {1}")
  @CsvSource(textBlock = """
      2026-12-28, 2026-12-27
      2027-01-01, 2026-12-31
      2024-03-01, 2024-02-29
      """)
  void the_last_undo_day_is_the_day_before_the_end(LocalDate endsOn, LocalDate lastDay) {
    assertThat(ScheduledEnd.lastUndoDay(endsOn)).isEqualTo(lastDay);
    assertThat(ScheduledEnd.refusalToUndo(SubscriptionStatus.ACTIVE, endsOn, lastDay)).isEmpty();
    assertThat(ScheduledEnd.refusalToUndo(SubscriptionStatus.ACTIVE, endsOn, lastDay.plusDays(1))).isNotEmpty();
  }
}
