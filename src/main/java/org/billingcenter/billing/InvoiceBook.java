package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.billing.BillingRunRepository.InvoiceRow;
import org.billingcenter.billing.BillingRunRepository.Line;
import org.billingcenter.billing.BillingRunRepository.NewInvoice;
import org.billingcenter.billing.BillingRunRepository.Total;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * One batch's invoices while it is being billed: existing ones found in the database, new ones
 * opened on demand, the lines added and how each total moves. Flushed in a few JDBC batches.
 */
final class InvoiceBook {

  private record Key(TenantId tenant, LocalDate date, String kind) {}

  private static final class Open {
    final UUID id;
    int lastLine;
    long total;
    long delta;

    Open(UUID id, int lastLine, long total) {
      this.id = id;
      this.lastLine = lastLine;
      this.total = total;
    }
  }

  private final Map<Key, Open> invoices = new HashMap<>();
  private final List<NewInvoice> created = new ArrayList<>();
  private final List<Line> lines = new ArrayList<>();

  InvoiceBook(List<InvoiceRow> existing) {
    existing.forEach(
        row -> invoices.put(new Key(row.tenant(), row.date(), row.kind()), new Open(row.id(), row.lastLine(), row.totalMinor())));
  }

  boolean hasInvoice(TenantId tenant, LocalDate date) {
    return invoices.containsKey(new Key(tenant, date, "INVOICE"));
  }

  /** {@code planId}: the plan the period is charged on (it may differ from the subscription's before a renewal applies a change). */
  UUID charge(TenantId tenant, SubscriptionId subscription, int activation, PeriodCharge charge, String planId) {
    return add(tenant, charge.period().start(), "INVOICE", "CHARGE", subscription, charge, charge.amount(), null, activation,
        null, planId);
  }

  /** A change's prorated charge on the invoice of {@code date}: quantity and unit price after the change. */
  UUID prorated(TenantId tenant, LocalDate date, SubscriptionId subscription, PeriodCharge terms) {
    return add(tenant, date, "INVOICE", "ADJUSTMENT", subscription, terms, terms.amount(), null, null, "PRORATED_CHARGE",
        null);
  }

  Money total(TenantId tenant, LocalDate date, String kind, Money zero) {
    Open open = invoices.get(new Key(tenant, date, kind));
    return open == null ? zero : new Money(open.total, zero.currency());
  }

  /** The number of the latest line on the tenant's invoice of {@code date} (0: none yet). */
  int lastLine(TenantId tenant, LocalDate date, String kind) {
    Open open = invoices.get(new Key(tenant, date, kind));
    return open == null ? 0 : open.lastLine;
  }

  UUID line(TenantId tenant, LocalDate date, String kind, String lineKind, SubscriptionId subscription, Money amount,
      UUID credit, String description) {
    return line(tenant, date, kind, lineKind, subscription, null, amount, credit, description);
  }

  /** A line that also shows terms (period, quantity, unit price), e.g. a change's credit. */
  UUID line(TenantId tenant, LocalDate date, String kind, String lineKind, SubscriptionId subscription,
      PeriodCharge terms, Money amount, UUID credit, String description) {
    return add(tenant, date, kind, lineKind, subscription, terms, amount, credit, null, description, null);
  }

  private UUID add(
      TenantId tenant, LocalDate date, String kind, String lineKind, SubscriptionId subscription,
      PeriodCharge charge, Money amount, UUID credit, Integer activation, String description, String planId) {
    Open open =
        invoices.computeIfAbsent(
            new Key(tenant, date, kind),
            key -> {
              UUID id = UUID.randomUUID();
              created.add(new NewInvoice(tenant, id, date, kind, amount.currency().getCurrencyCode()));
              return new Open(id, 0, 0);
            });
    open.lastLine++;
    open.total = Math.addExact(open.total, amount.minor());
    open.delta = Math.addExact(open.delta, amount.minor());
    lines.add(new Line(tenant, open.id, open.lastLine, lineKind, subscription, charge, amount, credit, activation, description,
        planId));
    return open.id;
  }

  List<NewInvoice> created() {
    return created;
  }

  List<Line> lines() {
    return lines;
  }

  List<Total> totals() {
    List<Total> totals = new ArrayList<>();
    invoices.forEach((key, open) -> {
      if (open.delta != 0) {
        totals.add(new Total(key.tenant(), open.id, open.delta));
      }
    });
    return totals;
  }
}
