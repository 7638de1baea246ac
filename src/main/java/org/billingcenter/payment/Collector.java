package org.billingcenter.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes payment attempts. {@link #queue} writes one in the caller's transaction (nothing leaves
 * the building yet); {@link #send} then, outside any transaction, marks it SENT, calls the provider
 * through {@link GatewayCalls} and records the answer in a transaction of its own: a SUCCEEDED
 * attempt writes the invoice's payment, a DECLINED one is told ({@code payment.failed}) and left to
 * dunning. An attempt whose answer was lost stays SENT, and {@link #sweep} asks again with the same
 * idempotency key: the provider answers with the first call's result, so a node killed mid-call
 * never makes a second charge.
 */
@Component
class Collector {

  private static final Logger log = LoggerFactory.getLogger(Collector.class);

  private final AttemptRepository attempts;
  private final GatewayCalls gateway;
  private final TransactionTemplate transaction;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;
  private final List<AttemptListener> listeners;

  Collector(AttemptRepository attempts, GatewayCalls gateway, PlatformTransactionManager transactions, AuditLog audit,
      Outbox outbox, Clock clock, List<AttemptListener> listeners) {
    this.attempts = attempts;
    this.gateway = gateway;
    // Its own transactions always: send() runs after the billing run's batch committed (afterCommit),
    // where a joining transaction would "participate" in the finished one and never commit.
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** What happens after an attempt's answer is recorded, in the same transaction (dunning, reactivation). */
  interface AttemptListener {
    void finished(PaymentAttempt attempt);
  }

  /**
   * A new attempt at the invoice, QUEUED, in the caller's transaction. The caller holds the
   * invoice's row lock and has checked that it is owed and has no unfinished attempt.
   */
  PaymentAttempt queue(TenantId tenant, UUID invoice, PaymentMethodId method, Money amount, Trigger trigger,
      String actor) {
    int number = attempts.nextNumber(tenant, invoice);
    PaymentAttempt a = new PaymentAttempt(tenant, UUID.randomUUID(), invoice, number, trigger, method, amount,
        PaymentAttempt.keyFor(invoice, number), Status.QUEUED, null, 0, actor,
        clock.instant().truncatedTo(ChronoUnit.MICROS), null);
    attempts.insert(a);
    return a;
  }

  /** Sends each, one after the other; returns them as recorded. */
  List<PaymentAttempt> send(List<PaymentAttempt> queued) {
    List<PaymentAttempt> done = new ArrayList<>();
    for (PaymentAttempt a : queued) {
      done.add(send(a));
    }
    return done;
  }

  /** Sends one attempt (again, with its key, when it was sent before) and records the answer. */
  PaymentAttempt send(PaymentAttempt a) {
    return call(a, true);
  }

  /**
   * Claims up to {@code limit} of the billing run's queued collections (rows another sender holds
   * are skipped, so senders on every node share the queue) and sends them; how many it claimed.
   */
  int sendQueued(int limit) {
    List<PaymentAttempt> claimed = transaction.execute(s -> attempts.claimQueued(limit, clock.instant()));
    claimed.forEach(a -> call(a, false));
    return claimed.size();
  }

  /** Calls the provider for {@code a}, marking it sent first unless a claim did, and records the answer. */
  private PaymentAttempt call(PaymentAttempt a, boolean mark) {
    Optional<String> token = a.method() == null ? Optional.empty() : attempts.token(a.tenant(), a.method());
    if (token.isEmpty()) {
      return record(a, Answer.declined(DeclineCode.NO_PAYMENT_METHOD), 0);
    }
    if (mark && !Boolean.TRUE.equals(transaction.execute(s -> attempts.sending(a.tenant(), a.id(), clock.instant())))) {
      return attempts.get(a.tenant(), a.id()).orElse(a); // finished meanwhile (another node, a void)
    }
    GatewayCalls.Result result = gateway.charge(new PaymentProvider.Charge(a.idempotencyKey(), token.get(), a.amount()));
    if (!result.known()) {
      log.warn("Payment attempt {} ({}): no answer from the provider after {} calls; the sweep asks again",
          a.idempotencyKey(), result.lastProblem().wire(), result.calls());
      return attempts.get(a.tenant(), a.id()).orElse(a);
    }
    return record(a, result.answer(), result.calls());
  }

  private PaymentAttempt record(PaymentAttempt a, Answer answer, int calls) {
    return transaction.execute(s -> {
      Instant now = clock.instant();
      Status status = answer.kind() == Answer.Kind.SUCCEEDED ? Status.SUCCEEDED : Status.DECLINED;
      if (!attempts.finish(a.tenant(), a.id(), status, answer.code(), answer.reference(), calls, now)) {
        return attempts.get(a.tenant(), a.id()).orElse(a); // another node recorded the same answer
      }
      PaymentAttempt finished = attempts.get(a.tenant(), a.id()).orElseThrow();
      String actor = a.actor();
      if (status == Status.SUCCEEDED) {
        attempts.insertPayment(finished, now);
        audit.record(a.tenant(), actor, Change.of("PAYMENT_SUCCEEDED", "invoice", a.invoice())
            .to(a.amount() + " attempt " + a.number() + " (" + a.trigger() + ")"));
        outbox.append(a.tenant(), EventType.PAYMENT_SUCCEEDED, a.invoice(), EventData.of("invoiceId", a.invoice())
            .with("attemptNumber", a.number())
            .with("trigger", a.trigger().name())
            .with("amount", a.amount())
            .with("recovered", a.trigger() != Trigger.INVOICE)
            // Issue 18 mails: begin (the card the receipt names; a successful attempt always had one)
            .with("paymentMethodId", a.method())
            // Issue 18 mails: end
            .asMap());
      } else {
        audit.record(a.tenant(), actor, Change.of("PAYMENT_DECLINED", "invoice", a.invoice())
            .to(a.amount() + " attempt " + a.number() + " (" + a.trigger() + ")")
            .because(answer.code()));
      }
      listeners.forEach(l -> l.finished(finished));
      return finished;
    });
  }

  /**
   * Attempts whose answer was never recorded (a node died before sending, or mid-call): asked
   * again with the same key. Runs every minute on one node; safe on several.
   */
  int sweep() {
    return sweep(java.time.Duration.ofMinutes(1), gateway.longest());
  }

  /** The same for attempts queued longer than {@code queuedFor} or sent longer than {@code sentFor} ago. */
  int sweep(java.time.Duration queuedFor, java.time.Duration sentFor) {
    Instant now = clock.instant();
    List<PaymentAttempt> lost = attempts.unfinished(now.minus(queuedFor), now.minus(sentFor), 100);
    lost.forEach(this::send);
    return lost.size();
  }
}
