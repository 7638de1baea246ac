package org.billingcenter.billing;

import java.time.LocalDate;
import org.billingcenter.subscription.LifecycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --billing-center.run-once=2026-12-01}: runs that day's lifecycle transitions and billing
 * run, then exits. For operators catching up by hand, and for restarting a run that was killed:
 * running the same date again finishes what is left and bills nothing twice.
 */
@Component
@ConditionalOnProperty("billing-center.run-once")
class RunOnceCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RunOnceCommand.class);

  private final LifecycleService lifecycle;
  private final BillingRunService billing;
  private final ConfigurableApplicationContext context;

  RunOnceCommand(LifecycleService lifecycle, BillingRunService billing, ConfigurableApplicationContext context) {
    this.lifecycle = lifecycle;
    this.billing = billing;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate day = LocalDate.parse(context.getEnvironment().getRequiredProperty("billing-center.run-once"));
    log.info("Run once for {}: {}", day, lifecycle.run(day));
    log.info("Run once for {}: {}", day, billing.run(day));
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
