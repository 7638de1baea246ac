package org.billingcenter.billing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.billingcenter.billing.BillingRunRepository.Line;
import org.billingcenter.shared.SubscriptionId;

/**
 * What one batch of a billing run did, for the run's history: counts, and the money it moved per
 * currency (minor units), read off the lines the batch wrote. Pure, so the history adds no query to
 * the run: the batch already holds its lines in memory.
 */
record RunTally(
    int tenants, int subscriptions, int invoices, int charges, int credits, int refunds, int collections,
    Map<String, Amounts> totals) {

  /** Charged (charges and prorated charges), credited (credits returned, positive) and refunded. */
  record Amounts(long charged, long credited, long refunded) {
    Amounts plus(Amounts b) {
      return new Amounts(Math.addExact(charged, b.charged), Math.addExact(credited, b.credited),
          Math.addExact(refunded, b.refunded));
    }
  }

  static final RunTally NONE = new RunTally(0, 0, 0, 0, 0, 0, 0, Map.of());

  /**
   * {@code invoices}: invoices and credit notes the batch opened; {@code collections}: payments it
   * asked for. A credit's share set against an overdue invoice (issue 18, its ADJUSTMENT line marked
   * {@link ReturnedCredits#CREDIT_APPLIED}) is left out: the credit is counted once, as credited.
   */
  static RunTally of(int tenants, List<Line> lines, int invoices, int collections) {
    Set<SubscriptionId> billed = new HashSet<>();
    Map<String, Amounts> totals = new TreeMap<>();
    int charges = 0;
    int credits = 0;
    int refunds = 0;
    for (Line line : lines) {
      if (ReturnedCredits.CREDIT_APPLIED.equals(line.description())) {
        continue; // part of a credit already counted, moved to an overdue invoice: neither a charge nor money in
      }
      long minor = line.amount().minor();
      Amounts amounts = switch (line.kind()) {
        case "CHARGE", "ADJUSTMENT" -> new Amounts(minor, 0, 0);
        case "CREDIT" -> new Amounts(0, Math.negateExact(minor), 0);
        case "REFUND" -> new Amounts(0, 0, minor);
        default -> throw new IllegalArgumentException("Unknown line kind " + line.kind());
      };
      switch (line.kind()) {
        case "CHARGE", "ADJUSTMENT" -> {
          charges++;
          billed.add(line.subscription());
        }
        case "CREDIT" -> credits++;
        default -> refunds++;
      }
      totals.merge(line.amount().currency().getCurrencyCode(), amounts, Amounts::plus);
    }
    return new RunTally(tenants, billed.size(), invoices, charges, credits, refunds, collections, totals);
  }

  RunTally plus(RunTally b) {
    Map<String, Amounts> sum = new TreeMap<>(totals);
    b.totals.forEach((currency, amounts) -> sum.merge(currency, amounts, Amounts::plus));
    return new RunTally(tenants + b.tenants, subscriptions + b.subscriptions, invoices + b.invoices,
        charges + b.charges, credits + b.credits, refunds + b.refunds, collections + b.collections, sum);
  }
}
