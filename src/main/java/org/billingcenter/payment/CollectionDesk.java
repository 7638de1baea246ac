package org.billingcenter.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billingcenter.billing.PaymentGateway;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The billing module's gateway port, issue 18's way. A collection becomes the invoice's first
 * payment attempt, queued in the run's transaction (with the invoices it collects) and sent once
 * that transaction commits, on the same thread: the run has its answers when it returns, and an
 * attempt a dying node never sent is sent by the sweep. Refunds go the same way: written pending
 * settlement in the run's transaction, paid back through the provider after it commits
 * ({@link Refunder}). A voided invoice's queued attempts are called off and a collection pending
 * settlement withdrawn.
 */
@Component
public class CollectionDesk implements PaymentGateway {

  /** Who the billing run's attempts are by, in their audit rows. */
  static final String BILLING_RUN = "billing-run";

  private final Collector collector;
  private final AttemptRepository attempts;
  private final Refunder refunder;
  private final RefundRepository refunds;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  CollectionDesk(Collector collector, AttemptRepository attempts, Refunder refunder, RefundRepository refunds,
      NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.collector = collector;
    this.attempts = attempts;
    this.refunder = refunder;
    this.refunds = refunds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void collect(List<Collection> collections) {
    List<PaymentAttempt> queued = new ArrayList<>();
    for (Collection c : collections) {
      List<PaymentAttempt> earlier = attempts.ofInvoice(c.tenant(), c.invoice());
      if (earlier.isEmpty()) {
        queued.add(collector.queue(c.tenant(), c.invoice(), c.method(), c.amount(), Trigger.INVOICE, BILLING_RUN));
      } else {
        // A run killed between its commit and its sends left this one queued: a rerun sends it.
        earlier.stream().filter(a -> a.status() == PaymentAttempt.Status.QUEUED).forEach(queued::add);
      }
    }
    if (!queued.isEmpty()) {
      afterCommit(() -> collector.send(queued));
    }
  }

  /**
   * Each refund is written pending settlement in the run's transaction, with its idempotency key,
   * and paid back through the provider once that transaction commits ({@link Refunder}).
   */
  @Override
  public void refund(List<Refund> toRefund) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<PendingRefund> pending = new ArrayList<>();
    for (Refund r : toRefund) {
      UUID id = UUID.randomUUID();
      PendingRefund p = new PendingRefund(r.tenant(), id, r.invoice(), r.credit(), r.method(), r.amount(),
          PendingRefund.keyFor(id), null);
      refunds.insert(p, now);
      pending.add(p);
    }
    if (!pending.isEmpty()) {
      afterCommit(() -> refunder.send(pending));
    }
  }

  /** Sends once the caller's transaction committed (at once without one): never money for rows that roll back. */
  private static void afterCommit(Runnable send) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }

  @Override
  public void withdraw(TenantId tenant, UUID invoice) {
    attempts.cancelUnfinished(tenant, invoice, clock.instant());
    jdbc.update(
        """
        update payment set withdrawn_at = :now
         where tenant_id = :tenant and invoice_id = :invoice
           and status = 'PENDING_SETTLEMENT' and withdrawn_at is null
        """,
        new MapSqlParameterSource()
            .addValue("tenant", tenant.value())
            .addValue("invoice", invoice)
            .addValue("now", Utc.of(clock.instant())));
  }
}
