package org.billingcenter.billing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily job, on db-scheduler: its state is a row in {@code scheduled_tasks}, so with any number
 * of nodes each day's execution runs on exactly one of them, and a node that dies mid-run is
 * detected by its missing heartbeat and the execution is retried. It runs at 12:00 UTC, when the
 * calendar date is the same from UTC−11 to UTC+11, so tenants are billed on their own renewal day.
 * Lifecycle first (trials end, terms end), then the billing run charges what that made due.
 */
@Configuration
class BillingJobs {

  static final String DAILY = "daily-lifecycle-and-billing";

  @Bean
  RecurringTask<Void> dailyLifecycleAndBilling(
      OperatorRunService runs, Clock clock) {
    return Tasks.recurring(DAILY, Schedules.daily(LocalTime.of(12, 0)))
        .execute(
            (instance, context) -> {
              // Issue 17 (runs): the same two steps, recorded in the runs' history.
              runs.scheduled(LocalDate.now(clock));
            });
  }
}
