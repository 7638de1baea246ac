package org.billingcenter.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.billing.PaymentGateway;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing module's gateway port, issue 18's way. A collection becomes the invoice's first
 * payment attempt, queued in the run's transaction (with the invoices it collects, one batch of
 * rows) and sent once that transaction commits ({@link Sends}: in the background by default, so
 * the run never waits for the provider); an attempt a dying node never sent is sent by the sweep. Refunds go the same way: written pending
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
  private final Sends sends;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  CollectionDesk(Collector collector, AttemptRepository attempts, Refunder refunder, RefundRepository refunds,
      Sends sends, NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.sends = sends;
    this.collector = collector;
    this.attempts = attempts;
    this.refunder = refunder;
    this.refunds = refunds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void collect(List<Collection> collections) {
    Map<UUID, List<PaymentAttempt>> earlier = attempts.ofInvoices(collections.stream()
        .map(c -> new AttemptRepository.InvoiceKey(c.tenant(), c.invoice())).toList());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<PaymentAttempt> first = new ArrayList<>();
    List<PaymentAttempt> queued = new ArrayList<>();
    for (Collection c : collections) {
      List<PaymentAttempt> before = earlier.getOrDefault(c.invoice(), List.of());
      if (before.isEmpty()) {
        first.add(new PaymentAttempt(c.tenant(), UUID.randomUUID(), c.invoice(), 1, Trigger.INVOICE, c.method(),
            c.amount(), PaymentAttempt.keyFor(c.invoice(), 1), PaymentAttempt.Status.QUEUED, null, 0, BILLING_RUN,
            now, null));
      } else {
        // A run killed between its commit and its sends left this one queued: a rerun sends it.
        before.stream().filter(a -> a.status() == PaymentAttempt.Status.QUEUED).forEach(queued::add);
      }
    }
    attempts.insertAll(first);
    queued.addAll(first);
    sends.afterCommit(queued, collector::send);
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
    sends.afterCommit(pending, refunder::send);
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
