package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finalisation with numbers, in the billing run's batch transaction: the batch's open invoices up to
 * its day are locked in (tenant, date, kind, id) order, each series they need is locked once (its
 * counter row, in name order, so two batches never wait on each other crosswise), the numbers are
 * taken in that order and written in one JDBC batch. A rollback gives the numbers back: no gaps.
 */
@Repository
class InvoiceNumberRepository {

  private record Due(UUID tenant, UUID invoice, LocalDate date, InvoiceDocument.Kind kind) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final InvoiceNumbering numbering;
  private final PaymentTerms terms;

  InvoiceNumberRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, InvoiceNumbering numbering, PaymentTerms terms) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.numbering = numbering;
    this.terms = terms;
  }

  /** Finalises (numbers, due date, {@code at}) every open invoice of {@code tenants} dated up to {@code day}. */
  int finalise(List<UUID> tenants, LocalDate day, Instant at) {
    List<Due> due = jdbc.sql(
            """
            select tenant_id, invoice_id, invoice_date, kind from invoice
             where tenant_id in (:tenants) and invoice_date <= :day and finalized_at is null
             order by tenant_id, invoice_date, kind, invoice_id
             for update
            """)
        .param("tenants", tenants)
        .param("day", day)
        .query((rs, i) -> new Due(rs.getObject("tenant_id", UUID.class), rs.getObject("invoice_id", UUID.class),
            rs.getDate("invoice_date").toLocalDate(), InvoiceDocument.Kind.valueOf(rs.getString("kind"))))
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    Map<String, List<Due>> bySeries = new TreeMap<>();
    due.forEach(d -> bySeries.computeIfAbsent(numbering.series(d.kind(), d.date()), s -> new ArrayList<>()).add(d));
    List<MapSqlParameterSource> updates = new ArrayList<>(due.size());
    bySeries.forEach((series, invoices) -> {
      long last = take(series, invoices.size());
      for (Due d : invoices) {
        updates.add(new MapSqlParameterSource()
            .addValue("tenant", d.tenant())
            .addValue("id", d.invoice())
            .addValue("number", InvoiceNumbering.format(series, ++last))
            .addValue("due", terms.dueDate(d.date()))
            .addValue("at", Utc.of(at)));
      }
    });
    batch.batchUpdate(
        """
        update invoice set number = :number, due_date = :due, finalized_at = :at
         where tenant_id = :tenant and invoice_id = :id and finalized_at is null
        """,
        updates.toArray(MapSqlParameterSource[]::new));
    return due.size();
  }

  /** Locks {@code series}' counter (created at 0 the first time) and moves it on by {@code count}; answers the last number before. */
  private long take(String series, int count) {
    Long last = lockSeries(series);
    if (last == null) {
      // No counter yet: create it; a concurrent creator wins quietly, and we then wait for its lock.
      jdbc.sql("insert into invoice_number_series (series, last_number) values (:series, 0) on conflict do nothing")
          .param("series", series)
          .update();
      last = lockSeries(series);
    }
    jdbc.sql("update invoice_number_series set last_number = :last where series = :series")
        .param("last", last + count)
        .param("series", series)
        .update();
    return last;
  }

  private Long lockSeries(String series) {
    return jdbc.sql("select last_number from invoice_number_series where series = :series for update")
        .param("series", series)
        .query(Long.class)
        .optional()
        .orElse(null);
  }
}
