package org.billingcenter.payment;

import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 18: the organisation's ledger, the check that accounting stays exact. Its balance is
 * Σ issued invoices − Σ payments taken − Σ credits applied to invoices, summed from the books
 * independently of the per-invoice "owed" reading that {@link BalanceService#balance} (what the
 * pages show) makes, and the two must agree: {@link #agrees}.
 *
 * <p>What enters: invoices (kind INVOICE) that are issued, not void and ask for money (total > 0).
 * A credit returned on the invoice of its date lowers that invoice's total (its CREDIT line); what
 * it paid of an older overdue invoice is an allocation. Credit notes do not enter: they owe the
 * organisation nothing to pay. Refunds do not enter either: a refund pays money back to the card,
 * it does not change what the organisation owes. A payment withdrawn (its invoice voided) or
 * failed does not count; a voided invoice does not count, nor its allocations.
 */
@Service
public class AccountBalance {

  private final LedgerRepository books;
  private final BalanceService balances;

  AccountBalance(LedgerRepository books, BalanceService balances) {
    this.books = books;
    this.balances = balances;
  }

  /** The ledger's three sums in the organisation's currency (null: no issued invoice yet). */
  public record Ledger(Money invoiced, Money paid, Money allocated) {

    /** What the organisation owes by the books. */
    public Money balance() {
      return invoiced.minus(paid).minus(allocated);
    }
  }

  @Transactional(readOnly = true)
  public @Nullable Ledger ledger(TenantId tenant) {
    LedgerRepository.Invoiced invoiced = books.invoiced(tenant);
    if (invoiced.currency() == null) {
      return null;
    }
    if (invoiced.currencies() > 1) {
      throw new IllegalStateException("An organisation bills in one currency: " + tenant);
    }
    return new Ledger(Money.of(invoiced.minor(), invoiced.currency()), Money.of(books.paid(tenant), invoiced.currency()),
        Money.of(books.allocated(tenant), invoiced.currency()));
  }

  /** The ledger's balance is what the pages show the organisation owes (nothing counts as zero). */
  @Transactional(readOnly = true)
  public boolean agrees(TenantId tenant) {
    Ledger ledger = ledger(tenant);
    Money owed = balances.balance(tenant).owed();
    long books = ledger == null ? 0 : ledger.balance().minor();
    return books == (owed == null ? 0 : owed.minor());
  }
}
