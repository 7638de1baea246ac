package org.billingcenter.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays refunds back through the payment provider, the way {@link Collector} collects: the billing
 * run writes a refund pending settlement with its invoices; {@link #send}, outside that transaction,
 * marks it sent, calls the provider through {@link GatewayCalls} with the refund's idempotency key
 * ({@code bc_refund_<refund>}) and records the answer in a transaction of its own: SETTLED, or FAILED
 * with the provider's reason (the money is still owed: {@code refund.failed} tells whoever follows
 * it up). A refund whose answer was lost stays pending and {@link #sweep} asks again with the same
 * key: the provider answers with the first call's result, so nothing is paid back twice.
 */
@Component
class Refunder {

  private static final Logger log = LoggerFactory.getLogger(Refunder.class);

  private final RefundRepository refunds;
  private final AttemptRepository methods;
  private final GatewayCalls gateway;
  private final TransactionTemplate transaction;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;

  Refunder(RefundRepository refunds, AttemptRepository methods, GatewayCalls gateway,
      PlatformTransactionManager transactions, AuditLog audit, Outbox outbox, Clock clock) {
    this.refunds = refunds;
    this.methods = methods;
    this.gateway = gateway;
    // Its own transactions always: send() runs after the billing run's batch committed (afterCommit).
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Sends one refund (again, with its key, when it was sent before) and records the answer. */
  void send(PendingRefund r) {
    call(r, true);
  }

  /** Claims up to {@code limit} refunds never sent (skipping those another sender holds) and sends them. */
  int sendUnsent(int limit) {
    List<PendingRefund> claimed = transaction.execute(s -> refunds.claimUnsent(limit, clock.instant()));
    claimed.forEach(r -> call(r, false));
    return claimed.size();
  }

  private void call(PendingRefund r, boolean mark) {
    Optional<String> token = r.method() == null ? Optional.empty() : methods.token(r.tenant(), r.method());
    if (token.isEmpty()) {
      record(r, Answer.declined(DeclineCode.NO_PAYMENT_METHOD), 0);
      return;
    }
    if (mark && !Boolean.TRUE.equals(transaction.execute(s -> refunds.sending(r.tenant(), r.id(), clock.instant())))) {
      return; // answered meanwhile (another node's sweep)
    }
    GatewayCalls.Result result = gateway.refund(new PaymentProvider.Refund(r.idempotencyKey(), token.get(), r.amount()));
    if (!result.known()) {
      log.warn("Refund {} ({}): no answer from the provider after {} calls; the sweep asks again",
          r.idempotencyKey(), result.lastProblem().wire(), result.calls());
      return;
    }
    record(r, result.answer(), result.calls());
  }

  private void record(PendingRefund r, Answer answer, int calls) {
    transaction.executeWithoutResult(s -> {
      boolean settled = answer.kind() == Answer.Kind.SUCCEEDED;
      if (!refunds.finish(r.tenant(), r.id(), settled, answer.code(), answer.reference(), calls, clock.instant())) {
        return; // another node recorded the same answer
      }
      EventData data = EventData.of("refundId", r.id()).with("invoiceId", r.invoice()).with("amount", r.amount());
      if (settled) {
        audit.record(r.tenant(), CollectionDesk.BILLING_RUN, Change.of("REFUND_SETTLED", "refund", r.id()).to(r.amount().toString()));
        outbox.append(r.tenant(), EventType.REFUND_SETTLED, r.id(), data.asMap());
      } else {
        log.warn("Refund {} of {} refused by the provider: {}", r.idempotencyKey(), r.amount(), answer.code());
        audit.record(r.tenant(), CollectionDesk.BILLING_RUN, Change.of("REFUND_FAILED", "refund", r.id())
            .to(r.amount().toString()).because(answer.code()));
        outbox.append(r.tenant(), EventType.REFUND_FAILED, r.id(), data.with("reason", answer.code()).asMap());
      }
    });
  }

  /**
   * Refunds the provider has not answered (a node died before sending, or mid-call): asked again
   * with the same key. Runs with the attempts' sweep every minute on one node; safe on several.
   */
  int sweep() {
    return sweep(Duration.ofMinutes(1), gateway.longest());
  }

  int sweep(Duration unsentFor, Duration sentFor) {
    Instant now = clock.instant();
    List<PendingRefund> lost = refunds.unanswered(now.minus(unsentFor), now.minus(sentFor), 100);
    lost.forEach(this::send);
    return lost.size();
  }
}
