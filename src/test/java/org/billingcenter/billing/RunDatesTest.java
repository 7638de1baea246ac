package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunDatesTest {

  @ParameterizedTest(name = "at {0} a run for {1}: {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        // 10:00 UTC: already the 11th at UTC+14, so the 11th is allowed, the 12th is not
        "2026-03-10T10:00:00Z, 2026-03-10, -",
        "2026-03-10T10:00:00Z, 2026-03-11, -",
        "2026-03-10T10:00:00Z, 2026-03-12, RUN_DATE_AFTER_TODAY",
        // 09:59:59 UTC: still the 10th everywhere, UTC+14 included
        "2026-03-10T09:59:59Z, 2026-03-11, RUN_DATE_AFTER_TODAY",
        "2026-03-10T09:59:59Z, 2026-03-10, -",
        // the far ends of the calendar never reach date arithmetic
        "2026-03-10T10:00:00Z, 9999-12-31, RUN_DATE_AFTER_TODAY",
        "2026-03-10T10:00:00Z, +999999999-12-31, RUN_DATE_AFTER_TODAY",
        "2026-03-10T10:00:00Z, -999999999-01-01, RUN_DATE_TOO_EARLY",
        "2026-03-10T10:00:00Z, 0000-01-01, RUN_DATE_TOO_EARLY",
        // catch-up: up to one year back from today at UTC+14
        "2026-03-10T10:00:00Z, 2026-01-31, -",
        "2026-03-10T10:00:00Z, 2025-03-11, -",
        "2026-03-10T10:00:00Z, 2025-03-10, RUN_DATE_TOO_EARLY",
        // a 29 February one year on
        "2025-02-28T10:00:00Z, 2024-02-29, RUN_DATE_TOO_EARLY",
        "2025-02-28T10:00:00Z, 2024-03-01, -",
      })
  void a_run_date_is_allowed_from_a_year_back_up_to_today_at_utc_plus_14(
      Instant now, String day, BillingReason refusal) {
    assertThat(RunDates.refusal(LocalDate.parse(day), now)).isEqualTo(java.util.Optional.ofNullable(refusal));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-10T09:59:59Z, 2026-03-10",
    "2026-03-10T10:00:00Z, 2026-03-11",
    "2026-12-31T23:59:59Z, 2027-01-01",
    "2026-12-31T09:00:00Z, 2026-12-31",
  })
  void the_latest_today_is_the_date_at_utc_plus_14(Instant now, LocalDate latest) {
    assertThat(RunDates.latest(now)).isEqualTo(latest);
  }
}
