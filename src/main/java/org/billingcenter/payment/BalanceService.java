package org.billingcenter.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.payment.PaymentAttempt.Status;
import org.billingcenter.payment.PaymentAttempt.Trigger;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.NonPayment;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
  private final BillingService billing;

  BalanceService(OwedRepository owed, AttemptRepository attempts, Collector collector, TenantService tenants,
      NonPayment nonPayment, PaymentSettings settings, TransactionTemplate transaction, BillingService billing) {
    this.billing = billing;
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
   * What paying now charges: the overdue invoices with no try in flight (oldest first) and their
   * sum, the amount the confirmation shows. NOTHING_OVERDUE when none is overdue,
   * PAYMENT_IN_PROGRESS when every one has a try whose answer has not come yet.
   */
  public record Preview(List<OverdueInvoice> invoices, Money amount) {
    public List<String> numbers() {
      return invoices.stream().map(o -> String.valueOf(o.invoice().number())).toList();
    }
  }

  @Transactional(readOnly = true)
  public Preview preview(TenantId tenant) {
    List<OverdueInvoice> overdue = balance(tenant).invoices();
    if (overdue.isEmpty()) {
      throw new Rejected(PaymentReason.NOTHING_OVERDUE);
    }
    List<OverdueInvoice> payable = overdue.stream().filter(o -> !o.invoice().unfinished()).toList();
    if (payable.isEmpty()) {
      throw new Rejected(PaymentReason.PAYMENT_IN_PROGRESS);
    }
    Money sum = payable.stream().map(o -> o.invoice().outstanding()).reduce(Money::plus).orElseThrow();
    return new Preview(payable, sum);
  }

  /** The payment methods the organisation can pay with (not removed), oldest first, and its default. */
  public record Methods(List<PaymentMethod> usable, @Nullable PaymentMethodId preferred) {}

  @Transactional(readOnly = true)
  public Methods methods(TenantId tenant) {
    Set<PaymentMethodId> usable = attempts.usableMethods(tenant);
    List<PaymentMethod> listed = tenants.paymentMethods(tenant, new PageRequest(1, PageRequest.MAX_SIZE)).items()
        .stream().filter(m -> usable.contains(m.id())).toList();
    return new Methods(listed, tenants.defaultPaymentMethod(tenant).orElse(null));
  }

  /**
   * An invoice of the organisation's and every attempt to collect it, oldest first; another
   * organisation's (or no such) invoice: INVOICE_NOT_FOUND.
   */
  public record InvoiceAttempts(InvoiceDocument invoice, List<PaymentAttempt> attempts) {}

  @Transactional(readOnly = true)
  public InvoiceAttempts attempts(TenantId tenant, java.util.UUID invoice) {
    InvoiceDocument document = billing.document(tenant, invoice);
    return new InvoiceAttempts(document, attempts.ofInvoice(tenant, invoice));
  }

  /**
   * {@link #pay(TenantId, PaymentMethodId, String)} with a card the organisation adds now: checked
   * against the balance first, so a card is never saved for a payment that cannot be made.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Payment payWithNewCard(TenantId tenant, NewPaymentMethod card, @Nullable Money expected, String actor) {
    check(preview(tenant), expected);
    PaymentMethod added = tenants.addPaymentMethod(tenant, card, actor);
    return pay(tenant, added.id(), expected, actor);
  }

  private static void check(Preview preview, @Nullable Money expected) {
    if (expected != null && !expected.equals(preview.amount())) {
      throw new Rejected(PaymentReason.BALANCE_CHANGED);
    }
  }

  /** {@link #pay(TenantId, PaymentMethodId, Money, String)} whatever the amount. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Payment pay(TenantId tenant, PaymentMethodId method, String actor) {
    return pay(tenant, method, null, actor);
  }

  /**
   * Tries every overdue invoice now with {@code method} (the organisation's, not removed). Not in
   * a transaction: each attempt is queued under its invoice's lock, then sent, as dunning does, so
   * two payments at once never charge one invoice twice; a caller's transaction (the API's
   * Idempotency-Key filter holds one) is suspended, as the provider must see each attempt committed. Refused with NOTHING_OVERDUE (or
   * PAYMENT_IN_PROGRESS) when there is nothing to try, and with BALANCE_CHANGED when it would charge
   * other than {@code expected}, the amount the payer confirmed (null: not checked).
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Payment pay(TenantId tenant, PaymentMethodId method, @Nullable Money expected, String actor) {
    tenants.usablePaymentMethod(tenant, method);
    check(preview(tenant), expected);
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
