package org.billingcenter.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-driven transitions of DESIGN.md's lifecycle, for a day: trials end (converting with a
 * payment method, expiring without), terms end (cancelled at term end → DISABLED, recurring
 * billing off → EXPIRED), EXPIRED → DISABLED after the grace days, DISABLED → DELETED after the
 * retention days. Each step is one set-based transaction with its audit rows; repeating a day
 * changes nothing more.
 */
@Service
public class LifecycleService {

  private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

  private final LifecycleRepository lifecycle;
  private final LifecycleSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LifecycleService(LifecycleRepository lifecycle, LifecycleSettings settings, TransactionTemplate transaction, Clock clock) {
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** How many subscriptions each transition moved. */
  public record LifecycleResult(
      LocalDate day, int trialsConverted, int trialsExpired, int termsCancelled, int termsExpired,
      int disabled, int deleted) {}

  public LifecycleResult run(LocalDate day) {
    // Each step stamps its rows with its own instant (a microsecond apart) to audit exactly those.
    // Transitions happen on the day being run: a day run ahead of time (by an operator) must not
    // count its grace periods from today's wall clock.
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = later(clock.instant(), dayStart).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    int converted = step(now, 1, "TRIAL_CONVERTED", "TRIAL", "ACTIVE", at -> lifecycle.convertTrials(day, at));
    int expired = step(now, 2, "TRIAL_EXPIRED", "TRIAL", "EXPIRED", at -> lifecycle.expireTrials(day, at));
    int cancelled = step(now, 3, "SUBSCRIPTION_ENDED_AT_TERM", "ACTIVE", "DISABLED", at -> lifecycle.endScheduled(day, at));
    int lapsed = step(now, 4, "TERM_ENDED_WITHOUT_RENEWAL", "ACTIVE", "EXPIRED", at -> lifecycle.expireTerms(day, at));
    Instant graceOver = endOfDay(day.minusDays(settings.expiredDays()));
    int disabled = step(now, 5, "EXPIRY_GRACE_ELAPSED", "EXPIRED", "DISABLED", at -> lifecycle.disableExpired(graceOver, at));
    Instant retentionOver = endOfDay(day.minusDays(settings.disabledDays()));
    int deleted = step(now, 6, "RETENTION_ELAPSED", "DISABLED", "DELETED", at -> lifecycle.deleteDisabled(retentionOver, at));
    LifecycleResult result = new LifecycleResult(day, converted, expired, cancelled, lapsed, disabled, deleted);
    log.info("Lifecycle {}: {}", day, result);
    return result;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Changed on or before {@code day} (UTC) means changed before the next day began. */
  private static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private int step(
      Instant now, int n, String action, String from, String to, java.util.function.ToIntFunction<Instant> move) {
    Instant at = now.plusNanos(n * 1_000L);
    Integer moved =
        transaction.execute(
            status -> {
              int count = move.applyAsInt(at);
              if (count > 0) {
                lifecycle.audit(action, from, to, at);
              }
              return count;
            });
    return moved == null ? 0 : moved;
  }
}
