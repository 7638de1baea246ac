package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice and credit note numbers (issue 16): parallel billing runs in small batches number every
 * document once with no gap, a rolled-back batch gives its numbers back, and a finalised invoice
 * never takes another line. The database is shared with other tests (a run bills every organisation
 * due), so each test checks the numbers given while it ran: from the series' counter before it to
 * the counter after, every number exactly once.
 */
class InvoiceNumberingIT extends DatabaseIT {

  @Autowired BillingRunService runs;
  @Autowired InvoiceNumberRepository numbers;
  @Autowired CancellationService cancellations;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  private static final int YEAR = 2026;

  private void cancelNow(Given org, Subscription s) {
    cancellations.cancel(org.id(), s.id(), BillingRunIT.ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
  }

  @Test
  void parallel_runs_in_small_batches_number_every_invoice_and_credit_note_once_with_no_gap() throws Exception {
    long invoicesBefore = counter("INV-" + YEAR);
    long notesBefore = counter("CN-" + YEAR);
    List<TenantId> orgs = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Given org = tenants.tenant(0);
      orgs.add(org.id());
      Subscription s = tenants.subscription(org, 1 + i % 3, 0);
      if (i % 3 == 0) {
        cancelNow(org, s); // its credit comes back on a credit note next month
      }
    }
    Object batchSize = ReflectionTestUtils.getField(runs, "batchSize");
    ReflectionTestUtils.setField(runs, "batchSize", 2);
    try {
      runInParallel(LocalDate.of(YEAR, 3, 10));
      clock.set(Instant.parse(YEAR + "-04-10T10:00:00Z"));
      runInParallel(LocalDate.of(YEAR, 4, 10));
    } finally {
      ReflectionTestUtils.setField(runs, "batchSize", batchSize);
    }

    assertThat(assertGapFree("INV-" + YEAR, invoicesBefore)).isGreaterThanOrEqualTo(24 + 16); // purchases, renewals
    assertThat(assertGapFree("CN-" + YEAR, notesBefore)).isGreaterThanOrEqualTo(8); // the cancelled subscriptions' credits
    long ours = jdbc.sql("select count(*) from invoice where tenant_id in (:t)")
        .param("t", orgs.stream().map(TenantId::value).toList()).query(Long.class).single();
    assertThat(ours).isEqualTo(24 + 16 + 8);
    long unnumbered = jdbc.sql("select count(*) from invoice where tenant_id in (:t) and (number is null or finalized_at is null)")
        .param("t", orgs.stream().map(TenantId::value).toList()).query(Long.class).single();
    assertThat(unnumbered).isZero();
  }

  private void runInParallel(LocalDate day) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        done.add(pool.submit(() -> runs.run(day)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private long counter(String series) {
    return jdbc.sql("select last_number from invoice_number_series where series = :s").param("s", series)
        .query(Long.class).optional().orElse(0L);
  }

  /**
   * The numbers of {@code series} given since its counter stood at {@code before} are exactly
   * before+1 .. the counter now, each on one invoice; answers how many.
   */
  private long assertGapFree(String series, long before) {
    long after = counter(series);
    List<Long> given = jdbc.sql("select number from invoice where number like :p")
        .param("p", series + "-%").query(String.class).list().stream()
        .map(n -> Long.parseLong(n.substring(series.length() + 1)))
        .filter(n -> n > before)
        .sorted()
        .toList();
    List<Long> expected = new ArrayList<>();
    for (long n = before + 1; n <= after; n++) {
      expected.add(n);
    }
    assertThat(given).as(series + " after " + before).containsExactlyElementsOf(expected);
    return after - before;
  }

  @Test
  void a_batch_rolled_back_after_numbering_gives_its_numbers_back() {
    LocalDate day = LocalDate.of(YEAR, 3, 10);
    Given first = tenants.tenant(0);
    tenants.subscription(first, 1, 0);
    Given second = tenants.tenant(0);
    tenants.subscription(second, 2, 0);
    List<UUID> both = List.of(first.id().value(), second.id().value());
    long before = counter("INV-" + YEAR);

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      assertThat(numbers.finalise(both, day, clock.instant())).isEqualTo(2);
      assertThat(jdbc.sql("select count(*) from invoice where tenant_id in (:t) and number is not null")
          .param("t", both).query(Long.class).single()).isEqualTo(2);
      throw new IllegalStateException("the batch fails after numbering");
    })).hasMessageContaining("after numbering");

    assertThat(jdbc.sql("select count(*) from invoice where tenant_id in (:t) and number is not null")
        .param("t", both).query(Long.class).single()).isZero();
    assertThat(counter("INV-" + YEAR)).isEqualTo(before);
    transaction.executeWithoutResult(status -> numbers.finalise(both, day, clock.instant())); // the batch again
    assertThat(assertGapFree("INV-" + YEAR, before)).isGreaterThanOrEqualTo(2);
    assertThat(jdbc.sql("select count(*) from invoice where tenant_id in (:t) and number is not null")
        .param("t", both).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void a_purchase_after_the_run_goes_on_a_new_invoice_and_the_finalised_one_never_changes() {
    LocalDate april = LocalDate.of(YEAR, 4, 10);
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0); // 10 March, renewed on 10 April
    long before = counter("INV-" + YEAR);
    clock.set(Instant.parse(YEAR + "-04-10T10:00:00Z"));
    runs.run(april);
    Map<String, Object> issued = invoiceOf(org, april);
    assertThat((String) issued.get("number")).startsWith("INV-" + YEAR + "-");

    tenants.subscription(org, 3, 0); // the same day, after the run
    List<Map<String, Object>> sameDay = jdbc.sql(
            // Both are created at the test clock's same instant: the finalised one first by its number.
            "select invoice_id, number, total_minor, finalized_at from invoice where tenant_id = :t and invoice_date = :d"
                + " order by created_at, number nulls last")
        .param("t", org.id().value()).param("d", april).query().listOfRows();
    assertThat(sameDay).hasSize(2);
    assertThat(sameDay.get(0)).as("the finalised invoice never changes").isEqualTo(issued);
    assertThat(sameDay.get(1).get("number")).isNull();
    assertThat(((Number) sameDay.get(1).get("total_minor")).longValue()).isEqualTo(3000);
    assertThat(jdbc.sql("select count(*) from invoice_line where tenant_id = :t and invoice_id = :i")
        .param("t", org.id().value()).param("i", issued.get("invoice_id")).query(Long.class).single()).isEqualTo(1);

    clock.set(Instant.parse(YEAR + "-05-10T10:00:00Z"));
    runs.run(LocalDate.of(YEAR, 5, 10)); // the next run that bills the organisation issues it
    assertThat(assertGapFree("INV-" + YEAR, before)).isGreaterThanOrEqualTo(4);
    assertThat(jdbc.sql("select count(*) from invoice where tenant_id = :t and number is null")
        .param("t", org.id().value()).query(Long.class).single()).isZero();
  }

  private Map<String, Object> invoiceOf(Given org, LocalDate date) {
    return jdbc.sql("select invoice_id, number, total_minor, finalized_at from invoice where tenant_id = :t and invoice_date = :d")
        .param("t", org.id().value()).param("d", date).query().singleRow();
  }
}
