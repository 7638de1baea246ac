package org.billingcenter.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.springframework.stereotype.Component;

/**
 * What an attempt's answer means for the invoice, in the transaction that records it. Declined:
 * the Global and Billing admins are told ({@code payment.failed}: the amount, why in plain words,
 * when it is tried next or that it was the last try); a declined last retry gives the invoice up
 * (UNCOLLECTIBLE) and its subscriptions expire. Succeeded: the schedule stops by itself (nothing is
 * owed) and the subscriptions that ended for non-payment come back.
 */
@Component
class Dunning implements Collector.AttemptListener {

  private final OwedRepository owed;
  private final Consequences consequences;
  private final PaymentSettings settings;
  private final Outbox outbox;
  private final Clock clock;

  Dunning(OwedRepository owed, Consequences consequences, PaymentSettings settings, Outbox outbox, Clock clock) {
    this.owed = owed;
    this.consequences = consequences;
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void finished(PaymentAttempt attempt) {
    if (attempt.status() == Status.SUCCEEDED) {
      consequences.paid(attempt.tenant(), attempt.invoice(), attempt.actor());
      return;
    }
    if (attempt.status() != Status.DECLINED) {
      return;
    }
    Optional<OwedInvoice> invoice = owed.lockOwed(attempt.tenant(), attempt.invoice());
    if (invoice.isEmpty()) {
      return; // paid or voided meanwhile
    }
    OwedInvoice i = invoice.get();
    DunningSchedule schedule = settings.schedule();
    boolean last = attempt.trigger() == Trigger.RETRY && schedule.isLast(i.retries());
    Optional<LocalDate> next = i.uncollectible() || last ? Optional.empty() : schedule.nextRetry(i.dueDate(), i.retries());
    // The last retry: given up on first, so the mail can say what stays active while support calls.
    Consequences.GivenUp givenUp = last ? giveUp(i) : null;
    EventData data = EventData.of("invoiceId", attempt.invoice())
        .with("attemptNumber", attempt.number())
        .with("trigger", attempt.trigger().name())
        .with("amount", i.outstanding())
        .with("reason", attempt.outcomeCode())
        .with("final", last);
    if (givenUp != null && givenUp.kept() > 0) {
      data = data.with("keptWhileCallbackOpen", givenUp.kept());
    }
    if (i.number() != null) {
      data = data.with("invoiceNumber", i.number());
    }
    if (next.isPresent()) {
      data = data.with("nextRetryOn", next.get());
    }
    outbox.append(attempt.tenant(), EventType.PAYMENT_FAILED, attempt.invoice(), data.asMap());
  }

  /** The last retry failed: the invoice is uncollectible and its subscriptions expire (unless support is calling). */
  Consequences.GivenUp giveUp(OwedInvoice i) {
    owed.markUncollectible(i.tenant(), i.invoice(), clock.instant());
    return consequences.givenUp(i);
  }
}
