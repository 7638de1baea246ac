package org.billingcenter.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.LifecycleService.LifecycleResult;
import org.springframework.stereotype.Service;

/**
 * A run the operator asks for by date, through the API or {@code --billing-center.run-once}: the
 * day's lifecycle transitions, then its billing run. The date must pass {@link RunDates} first, so
 * a refused date changes nothing. The two steps commit in pieces (lifecycle step by step, billing
 * batch by batch, so memory and locks stay bounded), so a failure cannot undo what went before:
 * it is reported as {@link Incomplete} with exactly what was applied, and running the same date
 * again completes the run (each piece is done once).
 */
@Service
public class OperatorRunService {

  private final LifecycleService lifecycle;
  private final BillingRunService billing;
  private final Clock clock;

  OperatorRunService(LifecycleService lifecycle, BillingRunService billing, Clock clock) {
    this.lifecycle = lifecycle;
    this.billing = billing;
    this.clock = clock;
  }

  /** What each step of a completed run did. */
  public record Result(LocalDate date, LifecycleResult lifecycle, BillingRunService.RunResult billing) {}

  /** Which step stopped a run. */
  public enum Step {
    LIFECYCLE,
    BILLING
  }

  /**
   * The run for {@code date} stopped in {@code failedStep}: {@code lifecycle} counts what the
   * lifecycle step applied (all of it when billing failed), {@code billing} what the billing step
   * applied before it stopped (null when it never started).
   */
  public static final class Incomplete extends RuntimeException {
    private final LocalDate date;
    private final Step failedStep;
    private final transient LifecycleResult lifecycle;
    private final String lifecycleFailedAt;
    private final transient BillingRunService.RunResult billing;

    Incomplete(LocalDate date, Step failedStep, LifecycleResult lifecycle, String lifecycleFailedAt,
        BillingRunService.RunResult billing, Throwable cause) {
      super("Run for " + date + " stopped in " + failedStep + (lifecycleFailedAt == null ? "" : " at " + lifecycleFailedAt)
          + "; applied: lifecycle " + lifecycle + ", billing " + billing, cause);
      this.date = date;
      this.failedStep = failedStep;
      this.lifecycle = lifecycle;
      this.lifecycleFailedAt = lifecycleFailedAt;
      this.billing = billing;
    }

    public LocalDate date() {
      return date;
    }

    public Step failedStep() {
      return failedStep;
    }

    public LifecycleResult lifecycle() {
      return lifecycle;
    }

    /** The lifecycle transition that failed, when the lifecycle step stopped the run. */
    public String lifecycleFailedAt() {
      return lifecycleFailedAt;
    }

    public BillingRunService.RunResult billing() {
      return billing;
    }
  }

  /** Refuses a date {@link RunDates} does not allow, else runs the day; safe to repeat. */
  public Result run(LocalDate date) {
    Instant now = clock.instant();
    Optional<BillingReason> refusal = RunDates.refusal(date, now);
    if (refusal.isPresent()) {
      BillingReason reason = refusal.get();
      LocalDate bound = reason == BillingReason.RUN_DATE_AFTER_TODAY ? RunDates.latest(now) : RunDates.earliest(now);
      throw new Rejected(reason, date, bound);
    }
    LifecycleResult moved;
    try {
      moved = lifecycle.run(date);
    } catch (LifecycleService.Incomplete e) {
      throw new Incomplete(date, Step.LIFECYCLE, e.applied(), e.failedStep(), null, e.getCause());
    }
    try {
      return new Result(date, moved, billing.run(date));
    } catch (BillingRunService.Incomplete e) {
      throw new Incomplete(date, Step.BILLING, moved, null, e.applied(), e.getCause());
    }
  }
}
