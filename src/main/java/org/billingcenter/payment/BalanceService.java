package org.billingcenter.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.NonPayment;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Pay your balance": what an organisation owes after declined payments, and paying it now. The
 * pages (home, Your products, Invoices & credits, the balance page) and the API read
 * {@link #balance}; {@link #pay} tries every overdue invoice with the chosen method at once, and
 * when money came in that method becomes the organisation's default and the method of every
 * subscription that paid with a declined one.
 */
@Service
public class BalanceService {

  private final OwedRepository owed;
  private final AttemptRepository attempts;
  private final Collector collector;
  private final TenantService tenants;
  private final NonPayment nonPayment;
  private final PaymentSettings settings;
  private final TransactionTemplate transaction;

  BalanceService(OwedRepository owed, AttemptRepository attempts, Collector collector, TenantService tenants,
      NonPayment nonPayment, PaymentSettings settings, TransactionTemplate transaction) {
    this.owed = owed;
    this.attempts = attempts;
    this.collector = collector;
    this.tenants = tenants;
    this.nonPayment = nonPayment;
    this.settings = settings;
    this.transaction = transaction;
  }

  /**
   * One overdue invoice as the organisation sees it.
   *
   * @param nextRetryOn when dunning tries it again by itself; null once given up on (or with a try in flight)
   */
  public record OverdueInvoice(OwedInvoice invoice, @Nullable DeclineCode lastDecline, @Nullable LocalDate nextRetryOn) {}

  /**
   * What the organisation is behind on: its overdue invoices, oldest first, and their sum
   * ({@code overdue}, null when there are none). {@code owed}: everything issued and unpaid,
   * overdue or not yet collected.
   */
  public record Balance(List<OverdueInvoice> invoices, @Nullable Money overdue, @Nullable Money owed) {
    public boolean behind() {
      return overdue != null && overdue.isPositive();
    }
  }

  @Transactional(readOnly = true)
  public Balance balance(TenantId tenant) {
    DunningSchedule schedule = settings.schedule();
    List<OverdueInvoice> overdue = new ArrayList<>();
    Money overdueSum = null;
    Money owedSum = null;
    for (OwedInvoice i : owed.owed(tenant)) {
      owedSum = owedSum == null ? i.outstanding() : owedSum.plus(i.outstanding());
      if (!i.overdue()) {
        continue;
      }
      LocalDate next = i.uncollectible() || i.unfinished() ? null : schedule.nextRetry(i.dueDate(), i.retries()).orElse(null);
      overdue.add(new OverdueInvoice(i, i.lastDecline() == null ? null : DeclineCode.ofWire(i.lastDecline()), next));
      overdueSum = overdueSum == null ? i.outstanding() : overdueSum.plus(i.outstanding());
    }
    return new Balance(List.copyOf(overdue), overdueSum, owedSum);
  }

  /**
   * What paying the balance did: each invoice's attempt as recorded, what was paid, and what is
   * still overdue afterwards (null: nothing).
   */
  public record Payment(List<PaymentAttempt> attempts, @Nullable Money paid, @Nullable Money stillOverdue) {
    public boolean complete() {
      return stillOverdue == null && !attempts.isEmpty();
    }
  }

  /**
   * Tries every overdue invoice now with {@code method} (the organisation's, not removed). Not in
   * a transaction: each attempt is queued under its invoice's lock, then sent, as dunning does, so
   * two payments at once never charge one invoice twice.
   */
  public Payment pay(TenantId tenant, PaymentMethodId method, String actor) {
    tenants.usablePaymentMethod(tenant, method);
    List<PaymentAttempt> queued = new ArrayList<>();
    Set<PaymentMethodId> declined = new HashSet<>();
    for (OverdueInvoice o : balance(tenant).invoices()) {
      Optional<PaymentAttempt> a = Optional.ofNullable(transaction.execute(s -> owed.lockOwed(tenant, o.invoice().invoice())
          .filter(i -> !i.unfinished())
          .map(i -> {
            attempts.ofInvoice(tenant, i.invoice()).stream()
                .filter(x -> x.status() == Status.DECLINED && x.method() != null)
                .forEach(x -> declined.add(x.method()));
            return collector.queue(tenant, i.invoice(), method, i.outstanding(), Trigger.PAY_NOW, actor);
          })
          .orElse(null)));
      a.ifPresent(queued::add);
    }
    List<PaymentAttempt> done = collector.send(queued);
    Money paid = done.stream().filter(a -> a.status() == Status.SUCCEEDED).map(PaymentAttempt::amount)
        .reduce(Money::plus).orElse(null);
    if (paid != null) {
      transaction.executeWithoutResult(s -> {
        tenants.makeDefaultPaymentMethod(tenant, method, actor);
        nonPayment.movePaymentMethod(tenant, declined, method, actor);
      });
    }
    return new Payment(done, paid, balance(tenant).overdue());
  }
}
