package org.billingcenter.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.LifecycleService.LifecycleResult;
import org.springframework.stereotype.Service;

/**
 * A run the operator asks for by date, through the API, the console or {@code
 * --billing-center.run-once}: the day's lifecycle transitions, then its billing run. The date must
 * pass {@link RunDates} and, when it is before today (UTC, the scheduler's day), be a missed day:
 * no run for it succeeded yet; and no live run for that day may be going on. So a refused date
 * changes nothing. The two steps commit in pieces (lifecycle step by step, billing batch by batch,
 * so memory and locks stay bounded), so a failure cannot undo what went before: it is reported as
 * {@link Incomplete} with exactly what was applied, and running the same date again completes the
 * run (each piece is done once). Every run writes its history row ({@link BillingRun}).
 */
@Service
public class OperatorRunService {

  /** A RUNNING row written to less recently than this belongs to a node that died mid-run. */
  static final Duration ALIVE = Duration.ofMinutes(10);

  private final LifecycleService lifecycle;
  private final BillingRunService billing;
  private final BillingRunLog history;
  private final RunLogRepository log;
  private final BillingRunRepository due;
  private final BackgroundRuns background;
  private final Clock clock;

  OperatorRunService(LifecycleService lifecycle, BillingRunService billing, BillingRunLog history, RunLogRepository log,
      BillingRunRepository due, BackgroundRuns background, Clock clock) {
    this.lifecycle = lifecycle;
    this.billing = billing;
    this.history = history;
    this.log = log;
    this.due = due;
    this.background = background;
    this.clock = clock;
  }

  /** What each step of a completed run did. */
  public record Result(UUID runId, LocalDate date, LifecycleResult lifecycle, BillingRunService.RunResult billing) {}

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

  /** What starting a run for {@code date} would do: the tenants with something due that day. */
  public record Check(LocalDate date, int tenantsDue) {}

  /** Refuses a date that may not run now, else says what a run would do. Reads only. */
  public Check check(LocalDate date) {
    refuse(date);
    return new Check(date, due.countDueTenants(date));
  }

  /** Refuses a date that may not run now, else runs the day; safe to repeat. */
  public Result run(LocalDate date, String actor) {
    refuse(date);
    return execute(date, history.start(date, actor));
  }

  /**
   * The run-once command: only the date window is checked. Runs of one day on several nodes, or a
   * repeated run, are safe (each unit of work is done once), and operations scripts rely on it; the
   * console's "one run a day at a time" is for people clicking.
   */
  public Result run(LocalDate date) {
    refuseDate(date);
    return execute(date, history.start(date, BillingRunService.SYSTEM));
  }

  /**
   * Refuses as {@link #run} does, else starts the run on this node's background thread and returns
   * its history id at once: the console follows its progress there.
   */
  public UUID start(LocalDate date, String actor) {
    refuse(date);
    if (!background.reserve()) {
      throw new Rejected(BillingReason.RUN_IN_PROGRESS, date);
    }
    UUID id;
    try {
      id = history.start(date, actor);
    } catch (RuntimeException e) {
      background.release();
      throw e;
    }
    background.run(() -> execute(date, id));
    return id;
  }

  /** The daily job's run for its own day: no refusal (the scheduler runs each day once). */
  void scheduled(LocalDate today) {
    execute(today, history.start(today, SCHEDULER));
  }

  static final String SCHEDULER = "scheduler";

  private void refuse(LocalDate date) {
    refuseDate(date);
    Instant now = clock.instant();
    if (date.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC)) && log.succeededOn(date)) {
      throw new Rejected(BillingReason.RUN_DATE_ALREADY_RUN, date);
    }
    if (log.runningOn(date, now.minus(ALIVE))) {
      throw new Rejected(BillingReason.RUN_IN_PROGRESS, date);
    }
  }

  /** A date outside the window: after today anywhere on Earth, or more than a year back. */
  private void refuseDate(LocalDate date) {
    Instant now = clock.instant();
    Optional<BillingReason> refusal = RunDates.refusal(date, now);
    if (refusal.isPresent()) {
      BillingReason reason = refusal.get();
      LocalDate bound = reason == BillingReason.RUN_DATE_AFTER_TODAY ? RunDates.latest(now) : RunDates.earliest(now);
      throw new Rejected(reason, date, bound);
    }
  }

  private Result execute(LocalDate date, UUID id) {
    LifecycleResult moved;
    try {
      moved = lifecycle.run(date);
    } catch (LifecycleService.Incomplete e) {
      history.failed(id, Step.LIFECYCLE, e.getCause() == null ? e : e.getCause());
      throw new Incomplete(date, Step.LIFECYCLE, e.applied(), e.failedStep(), null, e.getCause());
    } catch (RuntimeException e) {
      history.failed(id, Step.LIFECYCLE, e);
      throw e;
    }
    try {
      return new Result(id, date, moved, billing.run(date, id));
    } catch (BillingRunService.Incomplete e) {
      throw new Incomplete(date, Step.BILLING, moved, null, e.applied(), e.getCause());
    }
  }
}
