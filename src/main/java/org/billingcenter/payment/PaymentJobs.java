package org.billingcenter.payment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dunning's jobs on db-scheduler (one node runs each execution): the daily retries at 13:00 UTC,
 * after the daily billing run (12:00) has collected the day's invoices, and the sweep every
 * minute that asks the provider again about attempts and refunds whose answer was lost.
 */
@Configuration
class PaymentJobs {

  static final String DAILY = "daily-dunning";
  static final String SWEEP = "payment-attempt-sweep";

  @Bean
  RecurringTask<Void> dailyDunning(DunningRun dunning, Clock clock) {
    return Tasks.recurring(DAILY, Schedules.daily(LocalTime.of(13, 0)))
        .execute((instance, context) -> dunning.run(LocalDate.now(clock)));
  }

  @Bean
  RecurringTask<Void> paymentAttemptSweep(Collector collector, Refunder refunder) {
    return Tasks.recurring(SWEEP, Schedules.fixedDelay(Duration.ofMinutes(1)))
        .execute((instance, context) -> {
          collector.sweep();
          refunder.sweep();
        });
  }
}
