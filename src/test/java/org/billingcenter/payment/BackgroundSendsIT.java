package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Utc;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The senders as production runs them ({@code billing-center.payments.sends=background}, the tests'
 * contexts send inline): several threads drain the billing run's queue in the database, each
 * claiming its own chunks, so every queued collection is charged exactly once and the caller never
 * waits; attempts not of the run (a dunning retry) are left to their own sender and the sweep.
 */
class BackgroundSendsIT extends DatabaseIT {

  static final int INVOICES = 180;

  @Autowired Collector collector;
  @Autowired Refunder refunder;
  @Autowired AttemptRepository attempts;
  @Autowired JdbcClient jdbc;

  private long count(String sql, Given org) {
    return jdbc.sql(sql).param("t", org.id().value()).query(Long.class).single();
  }

  @Test
  void four_senders_drain_the_queue_and_charge_each_invoice_once() throws Exception {
    Given org = tenants.tenant(0);
    List<PaymentAttempt> queued = new ArrayList<>();
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (int i = 0; i < INVOICES; i++) {
      UUID invoice = UUID.randomUUID();
      jdbc.sql("""
              insert into invoice (tenant_id, invoice_id, invoice_date, due_date, currency, total_minor, kind, created_at,
                                   finalized_at)
              values (:t, :i, :day, :day, 'EUR', 1000, 'INVOICE', :at, :at)""")
          .param("t", org.id().value()).param("i", invoice).param("day", LocalDate.of(2026, 3, 10))
          .param("at", Utc.of(now)).update();
      Trigger trigger = i == 0 ? Trigger.RETRY : Trigger.INVOICE; // one not of the run
      queued.add(new PaymentAttempt(org.id(), UUID.randomUUID(), invoice, 1, trigger, org.card(),
          Money.of(1000, "EUR"), PaymentAttempt.keyFor(invoice, 1), Status.QUEUED, null, 0, "background-sends-it",
          now, null));
    }
    attempts.insertAll(queued);
    Sends background = new Sends(collector, refunder, "background", 4, Duration.ofSeconds(30));

    long started = System.nanoTime();
    background.wake();
    background.wake(); // a second wake while they work adds nobody to the chunks they hold
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the caller does not wait").isLessThan(Duration.ofSeconds(2));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count("select count(*) from payment_attempt where tenant_id = :t and status in ('QUEUED', 'SENT') and trigger_kind = 'INVOICE'", org) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    background.destroy();

    assertThat(count("select count(*) from payment_attempt where tenant_id = :t and status = 'SUCCEEDED'", org))
        .isEqualTo(INVOICES - 1);
    assertThat(count("select count(*) from payment_attempt where tenant_id = :t and calls <> 1 and trigger_kind = 'INVOICE'", org))
        .as("each claimed by one sender, called once").isZero();
    assertThat(count("""
            select count(*) from sandbox_charge c join payment_attempt a on a.idempotency_key = c.idempotency_key
             where a.tenant_id = :t""", org)).as("one charge per invoice at the provider").isEqualTo(INVOICES - 1);
    assertThat(count("select count(*) from payment where tenant_id = :t", org)).isEqualTo(INVOICES - 1);
    assertThat(count("select count(*) from payment_attempt where tenant_id = :t and status = 'QUEUED' and trigger_kind = 'RETRY'", org))
        .as("a retry is sent by dunning (or the sweep), not by the run's senders").isEqualTo(1);
    // Leave nothing queued in the shared database for later tests' runs or sweeps.
    jdbc.sql("update payment_attempt set status = 'CANCELLED' where tenant_id = :t and status = 'QUEUED'")
        .param("t", org.id().value()).update();
  }

  @Test
  void an_unknown_mode_is_refused_at_start() {
    assertThatThrownBy(() -> new Sends(collector, refunder, "later", 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background or inline");
  }
}
