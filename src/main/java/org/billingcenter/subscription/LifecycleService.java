package org.billingcenter.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-driven transitions of DESIGN.md's lifecycle, for a day: trials end (converting with a
 * payment method, expiring without), terms end (cancelled at term end → DISABLED, recurring
 * billing off → EXPIRED), EXPIRED → DISABLED after the grace days, DISABLED → DELETED after the
 * retention days; a subscription that stops renewing loses its pending scheduled changes
 * (voided); trials ending in 7 days and in 1 day get a reminder event. Each step is one set-based transaction with its audit rows; repeating a day
 * changes nothing more.
 */
@Service
public class LifecycleService {

  private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

  private final LifecycleRepository lifecycle;
  private final LifecycleOutboxRepository events;
  private final LifecycleSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LifecycleService(LifecycleRepository lifecycle, LifecycleOutboxRepository events, LifecycleSettings settings,
      TransactionTemplate transaction, Clock clock) {
    this.lifecycle = lifecycle;
    this.events = events;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Reminders are recorded this many days before a trial ends, the nearest last. */
  static final List<Integer> TRIAL_REMINDER_DAYS = List.of(7, 1);

  /** How many subscriptions each transition moved, and how many trial reminders were recorded. */
  public record LifecycleResult(
      LocalDate day, int trialsConverted, int trialsExpired, int termsCancelled, int termsExpired,
      int disabled, int deleted, int trialReminders) {}

  /**
   * The steps ran in order, each committed on its own, until {@code failedStep} failed:
   * {@code applied} counts what the earlier steps moved; that step and the later ones moved nothing.
   * Running the same day again completes it.
   */
  public static final class Incomplete extends RuntimeException {
    private final transient LifecycleResult applied;
    private final String failedStep;

    Incomplete(LifecycleResult applied, String failedStep, RuntimeException cause) {
      super("Lifecycle " + applied.day() + " stopped at " + failedStep + " after " + applied, cause);
      this.applied = applied;
      this.failedStep = failedStep;
    }

    public LifecycleResult applied() {
      return applied;
    }

    public String failedStep() {
      return failedStep;
    }
  }

  public LifecycleResult run(LocalDate day) {
    // Each step stamps its rows with its own instant (a microsecond apart) to audit exactly those.
    // Transitions happen on the day being run: a day run ahead of time (by an operator) must not
    // count its grace periods from today's wall clock.
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = later(clock.instant(), dayStart).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Instant graceOver = endOfDay(day.minusDays(settings.expiredDays()));
    Instant retentionOver = endOfDay(day.minusDays(settings.disabledDays()));
    LocalDate disablesOn = day.plusDays(settings.expiredDays());
    LocalDate deletesOn = day.plusDays(settings.disabledDays());
    List<Step> steps = List.of(
        new Step("TRIAL_CONVERTED", "TRIAL", "ACTIVE", at -> lifecycle.convertTrials(day, at),
            events::trialsConverted),
        new Step("TRIAL_EXPIRED", "TRIAL", "EXPIRED", at -> lifecycle.expireTrials(day, at), events::trialsExpired),
        new Step("SUBSCRIPTION_ENDED_AT_TERM", "ACTIVE", "DISABLED", at -> lifecycle.endScheduled(day, at),
            events::endedAtTerm),
        new Step("TERM_ENDED_WITHOUT_RENEWAL", "ACTIVE", "EXPIRED", at -> lifecycle.expireTerms(day, at),
            at -> events.expired(at, day, disablesOn)),
        new Step("EXPIRY_GRACE_ELAPSED", "EXPIRED", "DISABLED", at -> lifecycle.disableExpired(graceOver, at),
            at -> events.disabled(at, day, deletesOn)),
        new Step("RETENTION_ELAPSED", "DISABLED", "DELETED", at -> lifecycle.deleteDisabled(retentionOver, at),
            at -> events.deleted(at, day)),
        reminder(day, 0),
        reminder(day, 1));
    int[] moved = new int[steps.size()];
    for (int n = 0; n < steps.size(); n++) {
      try {
        moved[n] = step(now, n + 1, steps.get(n));
      } catch (RuntimeException e) {
        throw new Incomplete(result(day, moved), steps.get(n).action(), e);
      }
    }
    LifecycleResult result = result(day, moved);
    log.info("Lifecycle {}: {}", day, result);
    return result;
  }

  /**
   * One transaction of the day; {@code to} null: not a status transition (nothing to audit or void
   * here). {@code events} writes the outbox events of the rows {@code move} stamped.
   */
  private record Step(
      String action, String from, String to, ToIntFunction<Instant> move, ToIntFunction<Instant> events) {}

  private static LifecycleResult result(LocalDate day, int[] moved) {
    return new LifecycleResult(day, moved[0], moved[1], moved[2], moved[3], moved[4], moved[5], moved[6] + moved[7]);
  }

  /**
   * The n-th reminder (7 days, then 1 day before the end) for trials whose end is at most that many
   * days away but more than the next reminder's: not a transition, it audits its own rows.
   */
  private Step reminder(LocalDate day, int n) {
    int daysBefore = TRIAL_REMINDER_DAYS.get(n);
    int nextDaysBefore = n + 1 < TRIAL_REMINDER_DAYS.size() ? TRIAL_REMINDER_DAYS.get(n + 1) : 0;
    return new Step("TRIAL_WILL_END", null, null, at -> lifecycle.recordTrialReminders(
        daysBefore, day.plusDays(nextDaysBefore), day.plusDays(daysBefore), at),
        at -> events.trialReminders(at, daysBefore));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Changed on or before {@code day} (UTC) means changed before the next day began. */
  private static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private int step(Instant now, int n, Step step) {
    Instant at = now.plusNanos(n * 1_000L);
    Integer moved =
        transaction.execute(
            status -> {
              int count = step.move().applyAsInt(at);
              if (count > 0 && step.to() != null) {
                lifecycle.audit(step.action(), step.from(), step.to(), at);
                lifecycle.voidChanges(at);
              }
              if (count > 0) {
                step.events().applyAsInt(at);
              }
              return count;
            });
    return moved == null ? 0 : moved;
  }
}
