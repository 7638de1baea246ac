package org.billingcenter.billing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code --billing-center.run-once=2026-12-01}: runs that day's lifecycle transitions and billing
 * run, then exits. For operators catching up by hand, and for restarting a run that was killed:
 * running the same date again finishes what is left and bills nothing twice. The date obeys the
 * API's rule ({@link RunDates}): a refused or unreadable date exits with {@value #REFUSED} and
 * changes nothing; a run that stopped part-way exits with {@value #INCOMPLETE} after logging what
 * was applied.
 */
@Component
@ConditionalOnProperty("billing-center.run-once")
class RunOnceCommand implements ApplicationRunner {

  static final int DONE = 0;
  static final int INCOMPLETE = 1;
  static final int REFUSED = 2;

  private static final Logger log = LoggerFactory.getLogger(RunOnceCommand.class);

  private final OperatorRunService runs;
  private final MessageSource messages;
  private final ConfigurableApplicationContext context;

  RunOnceCommand(OperatorRunService runs, MessageSource messages, ConfigurableApplicationContext context) {
    this.runs = runs;
    this.messages = messages;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    int code = runOnce(context.getEnvironment().getRequiredProperty("billing-center.run-once"));
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** Runs the day {@code value} names; the process exit code. */
  int runOnce(String value) {
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      log.error("Run once refused: '{}' is not a date (YYYY-MM-DD). Nothing was changed.", value);
      return REFUSED;
    }
    try {
      OperatorRunService.Result result = runs.run(day);
      log.info("Run once for {}: {}", day, result.lifecycle());
      log.info("Run once for {}: {}", day, result.billing());
      return DONE;
    } catch (Rejected e) {
      String why = messages.getMessage(
          "error." + e.reason().code().toLowerCase(Locale.ROOT), e.arguments().toArray(), e.reason().code(), Locale.ENGLISH);
      log.error("Run once refused ({}): {}", e.reason().code(), why);
      return REFUSED;
    } catch (OperatorRunService.Incomplete e) {
      log.error("Run once for {} stopped in the {} step. Applied: lifecycle {}, billing {}. Run the same date again "
          + "to complete it; nothing is applied twice.", day, e.failedStep(), e.lifecycle(), e.billing(), e.getCause());
      return INCOMPLETE;
    }
  }
}
