package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.billingcenter.payment.DunningSchedule.Exhausted;
import org.billingcenter.payment.DunningSchedule.RetryNow;
import org.billingcenter.payment.DunningSchedule.Step;
import org.billingcenter.payment.DunningSchedule.WaitUntil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default schedule (days 1, 3, 5, 7, 14, 21, 30 after the due date) as a table. */
class DunningScheduleTest {

  static final DunningSchedule STANDARD = DunningSchedule.standard();
  static final LocalDate DUE = LocalDate.of(2026, 4, 10);

  @ParameterizedTest(name = "{0} retries made, today {1}: {2}")
  @CsvSource({
      // before the first retry day: wait for it
      "0, 2026-04-10, WAIT 2026-04-11",
      "0, 2026-04-11, RETRY 1",
      // a missed retry day is caught up once, late
      "0, 2026-04-15, RETRY 1",
      "1, 2026-04-12, WAIT 2026-04-13",
      "1, 2026-04-13, RETRY 2",
      "2, 2026-04-15, RETRY 3",
      "3, 2026-04-16, WAIT 2026-04-17",
      "3, 2026-04-17, RETRY 4",
      "4, 2026-04-23, WAIT 2026-04-24",
      "4, 2026-04-24, RETRY 5",
      "5, 2026-05-01, RETRY 6",
      "6, 2026-05-09, WAIT 2026-05-10",
      "6, 2026-05-10, RETRY 7",
      // all seven made: nothing more to try
      "7, 2026-05-10, EXHAUSTED",
      "7, 2027-01-01, EXHAUSTED",
      // a late-caught-up retry does not skip the next one
      "1, 2026-04-30, RETRY 2",
  })
  void the_step_of_a_day(int retriesMade, LocalDate today, String expected) {
    assertThat(describe(STANDARD.today(DUE, retriesMade, today))).isEqualTo(expected);
  }

  @Test
  void the_last_retry_is_the_thirtieth_day_and_the_seventh() {
    assertThat(STANDARD.lastRetry(DUE)).isEqualTo(LocalDate.of(2026, 5, 10));
    assertThat(STANDARD.isLast(6)).isFalse();
    assertThat(STANDARD.isLast(7)).isTrue();
    assertThat(STANDARD.nextRetry(DUE, 7)).isEmpty();
    assertThat(STANDARD.nextRetry(DUE, 0)).contains(LocalDate.of(2026, 4, 11));
  }

  @Test
  void a_month_end_due_date_counts_calendar_days() {
    LocalDate due = LocalDate.of(2026, 1, 31);
    assertThat(STANDARD.nextRetry(due, 6)).contains(LocalDate.of(2026, 3, 2));
  }

  @Test
  void an_operators_schedule_must_increase_from_one() {
    assertThat(new DunningSchedule(List.of(2)).today(DUE, 0, DUE.plusDays(2))).isEqualTo(new RetryNow(1));
    assertThatThrownBy(() -> new DunningSchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DunningSchedule(List.of(0, 3))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DunningSchedule(List.of(3, 3))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DunningSchedule(List.of(5, 2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DunningSchedule(List.of(1, 400))).isInstanceOf(IllegalArgumentException.class);
  }

  private static String describe(Step step) {
    if (step instanceof RetryNow r) {
      return "RETRY " + r.retry();
    }
    if (step instanceof WaitUntil w) {
      return "WAIT " + w.on();
    }
    return step instanceof Exhausted ? "EXHAUSTED" : step.toString();
  }
}
