package org.billingcenter.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;

/**
 * Issue 18: what a returned credit pays of the organisation's overdue invoices before anything is
 * refunded. The oldest invoice is paid first, each as far as the credit reaches; what is left after
 * the last one is the rest (refunded by the billing run). Pure: the billing run supplies the
 * invoices, oldest first, and what each still owes.
 */
final class CreditAllocation {

  private CreditAllocation() {}

  /** An overdue invoice and what it still owes. */
  record Owed(UUID invoice, Money outstanding) {}

  /** Part of the credit set against one overdue invoice; {@code covered}: nothing is owed on it afterwards. */
  record Allocation(UUID invoice, Money amount, boolean covered) {}

  /** The allocations, oldest invoice first, and what the credit still holds after them. */
  record Result(List<Allocation> allocations, Money rest) {}

  /**
   * {@code available} (not negative) set against {@code oldestFirst}; invoices in another currency
   * than the credit's are passed over, money is never converted.
   */
  static Result allocate(Money available, List<Owed> oldestFirst) {
    if (available.isNegative()) {
      throw new IllegalArgumentException("A credit cannot allocate " + available);
    }
    List<Allocation> allocations = new ArrayList<>();
    Money rest = available;
    for (Owed owed : oldestFirst) {
      if (!rest.isPositive()) {
        break;
      }
      if (!owed.outstanding().currency().equals(rest.currency()) || !owed.outstanding().isPositive()) {
        continue;
      }
      Money amount = rest.min(owed.outstanding());
      allocations.add(new Allocation(owed.invoice(), amount, amount.equals(owed.outstanding())));
      rest = rest.minus(amount);
    }
    return new Result(List.copyOf(allocations), rest);
  }
}
