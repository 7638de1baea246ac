package org.billingcenter.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * rows); a refund is written pending settlement the same way; once the run's last batch committed
 * {@link #dispatch} wakes the senders ({@link Sends}: in the background by default, so the run never
 * waits for the provider). What a dying node never sent is sent by the sweep. Refunds go the same way: written pending
 * settlement in the run's transaction, paid back through the provider after it commits
 * ({@link Refunder}). A voided invoice's queued attempts are called off and a collection pending
 * settlement withdrawn.
 */
@Component
public class CollectionDesk implements PaymentGateway {

  /** Who the billing run's attempts are by, in their audit rows. */
  static final String BILLING_RUN = "billing-run";

  private final AttemptRepository attempts;
  private final RefundRepository refunds;
  private final Sends sends;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  CollectionDesk(AttemptRepository attempts, RefundRepository refunds, Sends sends, NamedParameterJdbcTemplate jdbc,
      Clock clock) {
    this.sends = sends;
    this.attempts = attempts;
    this.refunds = refunds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Each invoice's first attempt, QUEUED in the caller's transaction (one batch of rows); an invoice
   * that has attempts already (a rerun of a day) gets none: a queued one left by a run killed before
   * its sends is still in the queue and goes with this run's.
   */
  @Override
  public void collect(List<Collection> collections) {
    Map<UUID, List<PaymentAttempt>> earlier = attempts.ofInvoices(collections.stream()
        .map(c -> new AttemptRepository.InvoiceKey(c.tenant(), c.invoice())).toList());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    attempts.insertAll(collections.stream()
        .filter(c -> !earlier.containsKey(c.invoice()))
        .map(c -> new PaymentAttempt(c.tenant(), UUID.randomUUID(), c.invoice(), 1, Trigger.INVOICE, c.method(),
            c.amount(), PaymentAttempt.keyFor(c.invoice(), 1), PaymentAttempt.Status.QUEUED, null, 0, BILLING_RUN,
            now, null))
        .toList());
  }

  /** Each refund pending settlement, never sent yet, in the caller's transaction, with its idempotency key. */
  @Override
  public void refund(List<Refund> toRefund) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (Refund r : toRefund) {
      UUID id = UUID.randomUUID();
      refunds.insert(new PendingRefund(r.tenant(), id, r.invoice(), r.credit(), r.method(), r.amount(),
          PendingRefund.keyFor(id), null), now);
    }
  }

  /** The run's last batch committed: the senders take what it queued to the provider ({@link Sends}). */
  @Override
  public void dispatch() {
    sends.wake();
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
