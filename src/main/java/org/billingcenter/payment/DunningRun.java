package org.billingcenter.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.billing.BillingReason;
import org.billingcenter.billing.RunDates;
import org.billingcenter.payment.DunningSchedule.Exhausted;
import org.billingcenter.payment.DunningSchedule.RetryNow;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily dunning job: every declined invoice whose retry day has come (in its organisation's
 * calendar, from the {@link DunningSchedule}) is tried again with the organisation's current
 * default payment method; one whose retries all failed is given up on; and the subscriptions of
 * invoices given up on that were spared because a callback request was open expire once it is
 * not. Works a page of invoices at a time; safe to repeat (a retry already made is counted).
 */
@Service
public class DunningRun {

  private static final Logger log = LoggerFactory.getLogger(DunningRun.class);
  private static final int PAGE = 200;
  private static final UUID FIRST = new UUID(0, 0);

  private final OwedRepository owed;
  private final Collector collector;
  private final Dunning dunning;
  private final Consequences consequences;
  private final TenantService tenants;
  private final PaymentSettings settings;
  private final TransactionTemplate transaction;
  private final java.time.Clock clock;

  DunningRun(OwedRepository owed, Collector collector, Dunning dunning, Consequences consequences,
      TenantService tenants, PaymentSettings settings, TransactionTemplate transaction, java.time.Clock clock) {
    this.clock = clock;
    this.owed = owed;
    this.collector = collector;
    this.dunning = dunning;
    this.consequences = consequences;
    this.tenants = tenants;
    this.settings = settings;
    this.transaction = transaction;
  }

  /** What a day's dunning did. */
  public record Result(int retried, int givenUp, int expired) {}

  /**
   * The operator's run by hand (API): the same date window as a billing run by hand
   * ({@link org.billingcenter.billing.RunDates}: at most today anywhere, at most a year back).
   */
  public Result runByHand(LocalDate utcDay, String operator) {
    java.time.Instant now = clock.instant();
    RunDates.refusal(utcDay, now).ifPresent(reason -> {
      throw new Rejected(reason, utcDay,
          reason == BillingReason.RUN_DATE_AFTER_TODAY ? RunDates.latest(now) : RunDates.earliest(now));
    });
    log.info("Dunning for {} started by {}", utcDay, operator);
    return run(utcDay);
  }

  /** Runs dunning for {@code utcDay} (each organisation on its own date). */
  public Result run(LocalDate utcDay) {
    DunningSchedule schedule = settings.schedule();
    int retried = 0;
    int givenUp = 0;
    UUID after = FIRST;
    while (true) {
      List<OwedInvoice> page = owed.inDunning(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      List<PaymentAttempt> toSend = new ArrayList<>();
      for (OwedInvoice i : page) {
        if (i.unfinished()) {
          continue; // an answer still to come: never a second charge in flight for one invoice
        }
        LocalDate today = tenants.today(i.tenant());
        DunningSchedule.Step step = schedule.today(i.dueDate(), i.retries(), today);
        if (step instanceof RetryNow) {
          retry(i).ifPresent(toSend::add);
        } else if (step instanceof Exhausted) {
          transaction.executeWithoutResult(s -> owed.lockOwed(i.tenant(), i.invoice()).ifPresent(dunning::giveUp));
          givenUp++;
        }
      }
      retried += collector.send(toSend).size();
      after = page.get(page.size() - 1).invoice();
    }
    int expired = expireSpared();
    Result result = new Result(retried, givenUp, expired);
    log.info("Dunning {}: {}", utcDay, result);
    return result;
  }

  /**
   * Asks the provider again, with the same keys, about every attempt queued or sent at least
   * {@code olderThan} ago whose answer is not recorded: what the sweep does every minute, for a
   * node restarted after a crash or an operator who will not wait. Never a second charge.
   */
  public int resumeUnanswered(java.time.Duration olderThan) {
    return collector.sweep(olderThan, olderThan);
  }

  /** A retry queued under the invoice's lock, if it is still owed and nothing is in flight. */
  private Optional<PaymentAttempt> retry(OwedInvoice candidate) {
    return Optional.ofNullable(transaction.execute(s -> owed.lockOwed(candidate.tenant(), candidate.invoice())
        .filter(i -> !i.unfinished() && i.retries() == candidate.retries())
        .map(i -> {
          PaymentMethodId method = tenants.defaultPaymentMethod(i.tenant()).orElse(null);
          return collector.queue(i.tenant(), i.invoice(), method, i.outstanding(), Trigger.RETRY, Consequences.ACTOR);
        })
        .orElse(null)));
  }

  /** Invoices given up on whose subscriptions were spared while a callback request was open. */
  private int expireSpared() {
    int expired = 0;
    UUID after = FIRST;
    while (true) {
      List<OwedInvoice> page = owed.uncollectible(after, PAGE);
      if (page.isEmpty()) {
        return expired;
      }
      for (OwedInvoice i : page) {
        Consequences.GivenUp done = transaction.execute(s -> consequences.givenUp(i));
        expired += done == null ? 0 : done.expired();
      }
      after = page.get(page.size() - 1).invoice();
    }
  }
}
