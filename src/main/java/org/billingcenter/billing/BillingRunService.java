package org.billingcenter.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.billing.BillingRunRepository.Advance;
import org.billingcenter.billing.BillingRunRepository.CreditRow;
import org.billingcenter.billing.BillingRunRepository.DueRow;
import org.billingcenter.billing.ChangeRunRepository.Applied;
import org.billingcenter.billing.ChangeRunRepository.ChangeRow;
import org.billingcenter.billing.ChangeRunRepository.Invoiced;
import org.billingcenter.billing.ChangeRunRepository.ProratedRow;
import org.billingcenter.billing.InvoiceCalculator.AppliedChange;
import org.billingcenter.billing.InvoiceCalculator.DueChange;
import org.billingcenter.billing.InvoiceCalculator.DueSubscription;
import org.billingcenter.billing.InvoiceCalculator.Renewal;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.catalog.PriceSchedule;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing run for a date: renews what is due (anniversary billing), charges periods never
 * charged, returns pending credits on the tenant's invoice (or a credit note), pays the tenant's
 * overdue invoices with what that invoice cannot absorb and refunds the rest ({@link ReturnedCredits}),
 * then collects. Works in batches of whole tenants, one transaction each,
 * so memory stays flat, a crash loses at most the batch in flight (which the next run redoes),
 * and runs on several nodes split the tenants instead of doubling the work.
 */
@Service
public class BillingRunService {

  private static final Logger log = LoggerFactory.getLogger(BillingRunService.class);
  // Databases order UUIDs by their unsigned bytes: all zeros comes first.
  private static final UUID FIRST = new UUID(0, 0);

  private final BillingRunRepository runs;
  private final ChangeRunRepository changeRuns;
  private final CatalogService catalog;
  private final PaymentGateway gateway;
  private final BillingRunOutboxRepository events;
  private final BillingRunLog history;
  private final CreditAllocations creditAllocations;
  private final TransactionTemplate transaction;
  private final OutagePatience patience;
  private final Clock clock;
  private final int batchSize;
  private final java.time.Duration pause;

  BillingRunService(
      BillingRunRepository runs,
      ChangeRunRepository changeRuns,
      CatalogService catalog,
      PaymentGateway gateway,
      BillingRunOutboxRepository events,
      BillingRunLog history,
      CreditAllocations creditAllocations,
      TransactionTemplate transaction,
      OutagePatience patience,
      Clock clock,
      @Value("${billing-center.billing.batch-tenants:200}") int batchSize,
      @Value("${billing-center.billing.pause-between-batches:0ms}") java.time.Duration pause) {
    this.runs = runs;
    this.changeRuns = changeRuns;
    this.catalog = catalog;
    this.gateway = gateway;
    this.events = events;
    this.history = history;
    this.creditAllocations = creditAllocations;
    this.transaction = transaction;
    this.patience = patience;
    this.clock = clock;
    this.batchSize = batchSize;
    this.pause = pause;
  }

  /** What a run did. */
  public record RunResult(LocalDate date, int tenants, int charges, int credits, int refunds, int collections) {
    RunResult plus(RunResult b) {
      return new RunResult(date, tenants + b.tenants, charges + b.charges, credits + b.credits,
          refunds + b.refunds, collections + b.collections);
    }
  }

  /**
   * A batch failed: the batches before it are committed ({@code applied} counts them), the failed
   * one rolled back, the later ones never started. Running the same day again completes the run.
   */
  public static final class Incomplete extends RuntimeException {
    private final transient RunResult applied;

    Incomplete(RunResult applied, RuntimeException cause) {
      super("Billing run " + applied.date() + " stopped after " + applied, cause);
      this.applied = applied;
    }

    public RunResult applied() {
      return applied;
    }
  }

  /** Who started a run the scheduler or a test started directly, in its history. */
  static final String SYSTEM = "system";

  /** Bills everything due on or before {@code day}. Safe to repeat and to run on several nodes. */
  public RunResult run(LocalDate day) {
    return run(day, history.start(day, SYSTEM));
  }

  /** The same, recorded in the history row {@code runId} (started by the caller). */
  RunResult run(LocalDate day, UUID runId) {
    RunResult total = new RunResult(day, 0, 0, 0, 0, 0);
    try {
      // Each step is one transaction: one that failed with the database gone is tried again (OutagePatience).
      patience.call("billing run " + day + ": billing days", () -> {
        transaction.executeWithoutResult(status -> runs.fillBillingDays());
        history.tenantsDue(runId, runs.countDueTenants(day));
        return null;
      });
      Map<String, Plan> plans = new HashMap<>();
      patience.call("billing run " + day + ": catalog", catalog::plans).forEach(plan -> plans.put(plan.id(), plan));
      Map<String, PriceSchedule> schedules = patience.call("billing run " + day + ": prices", catalog::schedules);
      UUID after = FIRST;
      while (true) {
        UUID from = after;
        // A batch that committed though its answer was lost is not billed again: its tenants are no longer due.
        Batch batch = patience.call("billing run " + day + ": batch after " + from,
            () -> transaction.execute(status -> billBatch(day, from, plans, schedules, runId)));
        if (batch == null || batch.tenants().isEmpty()) {
          break;
        }
        total = total.plus(batch.result());
        after = batch.tenants().get(batch.tenants().size() - 1).value();
        rest();
      }
    } catch (RuntimeException e) {
      history.failed(runId, OperatorRunService.Step.BILLING, e);
      throw new Incomplete(total, e);
    } finally {
      gateway.dispatch(); // the committed batches' collections and refunds go to the provider
    }
    patience.call("billing run " + day + ": history", () -> {
      history.succeeded(runId);
      return null;
    });
    log.info("Billing run {}: {}", day, total);
    return total;
  }

  /** An optional breather between batches, to spare a database shared with live traffic. */
  private void rest() {
    if (pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Batch(List<TenantId> tenants, RunResult result) {}

  private Batch billBatch(LocalDate day, UUID after, Map<String, Plan> plans, Map<String, PriceSchedule> schedules,
      UUID runId) {
    List<TenantId> tenants = runs.lockDueTenants(day, after, batchSize);
    if (tenants.isEmpty()) {
      return new Batch(tenants, null);
    }
    List<DueRow> due = runs.dueSubscriptions(tenants, day);
    Map<SubscriptionId, List<ChangeRow>> scheduled = new HashMap<>();
    changeRuns.dueChanges(tenants, day).forEach(c -> scheduled.computeIfAbsent(c.subscription(), k -> new ArrayList<>()).add(c));
    List<ProratedRow> prorated = changeRuns.dueProrated(tenants, day);
    List<CreditRow> credits = runs.dueCredits(tenants, day);
    Set<LocalDate> dates = new HashSet<>();
    credits.forEach(c -> dates.add(c.returnOn()));
    prorated.forEach(p -> dates.add(p.dueOn()));
    Map<DueRow, Renewal> renewals = new HashMap<>();
    for (DueRow row : due) {
      Renewal renewal =
          InvoiceCalculator.due(
              dueSubscription(row, plans, schedules, scheduled.getOrDefault(row.subscription(), List.of())), day);
      renewals.put(row, renewal);
      renewal.charges().forEach(c -> dates.add(c.period().start()));
    }
    InvoiceBook book = new InvoiceBook(runs.invoices(tenants, dates));
    List<Advance> advances = new ArrayList<>();
    List<Applied> applied = new ArrayList<>();
    int charges = 0;
    for (DueRow row : due) {
      Renewal renewal = renewals.get(row);
      for (PeriodCharge charge : renewal.charges()) {
        book.charge(row.tenant(), row.subscription(), row.activation(), charge, planOf(charge, row, renewal));
        charges++;
      }
      if (!renewal.current().equals(row.current())) {
        advances.add(new Advance(row.tenant(), row.subscription(), renewal.current(), renewal.anchor(),
            renewal.quantity(), renewal.planId() == null ? row.planId() : renewal.planId(), renewal.pricedOn()));
      }
      renewal.applied().forEach(a -> applied.add(new Applied(row.tenant(), row.subscription(), a.id(), describe(a),
          a.planId() != null ? row.planId() : String.valueOf(row.quantity()),
          a.planId() != null ? a.planId() : String.valueOf(a.quantity()))));
    }
    // Prorated charges go on before credits are returned, so a credit of the same date finds them.
    List<Invoiced> invoiced = new ArrayList<>();
    for (ProratedRow p : prorated) {
      invoiced.add(new Invoiced(p.tenant(), p.change(), book.prorated(p.tenant(), p.dueOn(), p.subscription(), p.terms())));
      charges++;
    }
    Map<TenantId, PaymentMethodId> methods = runs.latestPaymentMethods(tenants);
    ReturnedCredits returned = new ReturnedCredits(book, methods, creditAllocations.overdue(tenants, !credits.isEmpty()));
    credits.forEach(returned::add);
    // One instant stamps the batch's rows, so its events select exactly them (in microseconds, as stored).
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    runs.insertInvoices(book.created(), now);
    runs.insertLines(book.lines());
    runs.addToTotals(book.totals());
    runs.advance(advances);
    changeRuns.applied(applied, now);
    changeRuns.invoiced(invoiced);
    runs.finishCredits(returned.done(), now);
    creditAllocations.write(returned, now);
    gateway.refund(returned.refunds());
    events.runBatch(tenants, day, now);
    List<PaymentGateway.Collection> collections =
        runs.unpaid(tenants, day).stream()
            .map(u -> new PaymentGateway.Collection(u.tenant(), u.invoice(), methods.get(u.tenant()), u.total()))
            .toList();
    gateway.collect(collections);
    history.batch(runId, RunTally.of(tenants.size(), book.lines(), book.created().size(), collections.size()));
    return new Batch(tenants,
        new RunResult(day, tenants.size(), charges, returned.done().size(), returned.refunds().size(),
            collections.size()));
  }

  /** The plan a period is charged on: the latest plan change applied on or before its start, else the row's plan. */
  private static String planOf(PeriodCharge charge, DueRow row, Renewal renewal) {
    String plan = row.planId();
    for (AppliedChange a : renewal.applied()) {
      if (a.planId() != null && !a.on().isAfter(charge.period().start())) {
        plan = a.planId();
      }
    }
    return plan;
  }

  private static String describe(AppliedChange a) {
    if (a.planId() != null) {
      return "PLAN " + a.planId() + " from " + a.on();
    }
    return "QUANTITY " + a.quantity() + " from " + a.on() + (a.stoppedAtAssigned() ? " (stopped at the licenses assigned)" : "");
  }

  /** Each period is priced by its plan's schedule: a price change reaches it only after its notice. */
  private static DueSubscription dueSubscription(
      DueRow row, Map<String, Plan> plans, Map<String, PriceSchedule> schedules, List<ChangeRow> changes) {
    Plan plan = plans.get(row.planId());
    List<DueChange> due = changes.stream().map(c -> dueChange(c, plans, schedules)).toList();
    int assigned = changes.isEmpty() ? 0 : changes.get(0).assigned();
    return new DueSubscription(row.anchor(), plan.billingFrequency(), row.current(), row.currentCharged(),
        row.renews(), row.quantity(), plan.unitPrice(), due, assigned, schedules.get(row.planId()), row.pricedOn());
  }

  private static DueChange dueChange(ChangeRow c, Map<String, Plan> plans, Map<String, PriceSchedule> schedules) {
    if (c.quantity() != null) {
      return DueChange.quantity(c.id(), c.effectiveOn(), c.quantity());
    }
    Plan to = plans.get(c.planId());
    return DueChange.plan(c.id(), c.effectiveOn(), to.id(), to.billingFrequency(), schedules.get(to.id()));
  }
}
