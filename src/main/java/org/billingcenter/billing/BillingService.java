package org.billingcenter.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionCancelled;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStarted;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.tenant.TenantService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and credits. It listens to subscription events inside the publishing transaction, so a
 * purchase and its charge, or a cancellation and its credit, commit or fail together.
 */
@Service
public class BillingService {

  private final InvoiceRepository invoices;
  private final CreditRepository credits;
  private final ProratedRepository prorated;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final AuditLog audit;
  private final BillingEvents outbox;
  private final Clock clock;

  BillingService(
      InvoiceRepository invoices,
      CreditRepository credits,
      ProratedRepository prorated,
      SubscriptionService subscriptions,
      TenantService tenants,
      AuditLog audit,
      BillingEvents outbox,
      Clock clock) {
    this.invoices = invoices;
    this.credits = credits;
    this.prorated = prorated;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A purchase is charged for its first period on the tenant's invoice of its first day. */
  @EventListener
  void charge(SubscriptionStarted started) {
    if (started.status() != SubscriptionStatus.ACTIVE || started.firstPeriod() == null) {
      return;
    }
    BillingPeriod period = started.firstPeriod();
    PeriodCharge charge =
        new PeriodCharge(
            period, started.unitPrice(), started.quantity(), started.unitPrice().times(started.quantity()));
    UUID invoice =
        invoices.lockInvoice(
            started.tenant(), period.start(), started.unitPrice().currency().getCurrencyCode(), clock.instant());
    invoices.addCharge(started.tenant(), invoice, started.subscription(), charge);
  }

  /** A cancellation with a credit leaves it pending until its billing run. */
  @EventListener
  void recordCredit(SubscriptionCancelled cancelled) {
    if (!cancelled.credit().isPositive()) {
      return;
    }
    Credit credit =
        new Credit(
            cancelled.tenant(),
            UUID.randomUUID(),
            cancelled.subscription(),
            cancelled.credit(),
            Credit.Status.PENDING,
            cancelled.returnOn(),
            clock.instant());
    credits.insert(credit, cancelled.periodStart());
    audit.record(
        cancelled.tenant(),
        cancelled.actor(),
        Change.of("CREDIT_RECORDED", "credit", credit.id())
            .to(credit.amount() + " pending, returned on " + credit.returnOn()));
    outbox.creditCreated(credit);
  }

  /**
   * The period starting {@code periodStart} as it stands: the unit price and quantity after its
   * latest change made "now" (those of its charge line if none), and the net amount charged for it
   * (the charge line, plus prorated charges, minus prorated credits). A cancellation credits from
   * this, so it stays right after changes and never returns more than was charged.
   */
  @Transactional(readOnly = true)
  public Optional<PeriodCharge> chargeFor(TenantId tenant, SubscriptionId id, LocalDate periodStart) {
    return invoices.chargeFor(tenant, id, periodStart)
        .map(line -> afterChanges(line, prorated.forPeriod(tenant, id, periodStart)));
  }

  static PeriodCharge afterChanges(PeriodCharge line, List<ProratedRepository.PeriodChange> changes) {
    PeriodCharge current = line;
    for (ProratedRepository.PeriodChange change : changes) {
      Money net = "CHARGE".equals(change.direction())
          ? current.amount().plus(change.amount())
          : current.amount().minus(change.amount());
      current = new PeriodCharge(current.period(), change.unitPriceAfter(), change.quantityAfter(), net);
    }
    return current;
  }

  /**
   * The organisation's next invoice after {@code today}: where a change's prorated CHARGE lands.
   * Credits come back on the billing date instead ({@link #creditReturnDate}).
   */
  @Transactional(readOnly = true)
  public LocalDate nextInvoiceDate(TenantId tenant, SubscriptionId id, BillingPeriod current, LocalDate today) {
    return CreditReturn.chargeOn(subscriptions.nextRenewalOfOthers(tenant, id, today), current);
  }

  /**
   * The date a credit for {@code period} of subscription {@code id}, owed from today, comes back:
   * the organisation's next billing date, whatever the subscription's frequency.
   */
  @Transactional(readOnly = true)
  public LocalDate creditReturnDate(TenantId tenant, SubscriptionId id, BillingPeriod period, LocalDate today) {
    return CreditReturn.creditOn(
        tenants.nextBillingDate(tenant), subscriptions.nextRenewalOfOthers(tenant, id, today), period);
  }

  @Transactional(readOnly = true)
  public List<Invoice> invoices(TenantId tenant) {
    return invoices.list(tenant);
  }

  @Transactional(readOnly = true)
  public Page<Invoice> invoices(TenantId tenant, PageRequest page) {
    return new Page<>(invoices.list(tenant, page), page, invoices.count(tenant));
  }

  @Transactional(readOnly = true)
  public Page<Invoice> invoicesWithLines(TenantId tenant, PageRequest page) {
    return new Page<>(invoices.listWithLines(tenant, page), page, invoices.count(tenant));
  }

  @Transactional(readOnly = true)
  public Invoice invoice(TenantId tenant, UUID id) {
    return invoices.find(tenant, id).orElseThrow(() -> new Rejected(BillingReason.INVOICE_NOT_FOUND));
  }

  /**
   * The invoice or credit note {@code id} as a document. SKELETON (issue 16): derived from the raw
   * invoice until the billing helper gives it numbers, statuses, product names and sources.
   */
  @Transactional(readOnly = true)
  public InvoiceDocument document(TenantId tenant, UUID id) {
    Invoice invoice = invoice(tenant, id);
    java.util.Currency currency = invoice.total().currency();
    Money zero = Money.zero(currency);
    List<InvoiceDocument.Line> lines = invoice.lines().stream()
        .map(l -> new InvoiceDocument.Line(l.lineNo(), InvoiceDocument.LineKind.valueOf(l.kind()), null, l.subscription(),
            null, null, null, l.periodStart(), l.periodEnd(), l.quantity(), l.unitPrice(), l.amount()))
        .toList();
    return new InvoiceDocument(tenant, id, InvoiceDocument.Kind.valueOf(invoice.kind()), null, InvoiceStatus.OPEN,
        invoice.date(), invoice.date(), currency, lines, zero, zero, zero, invoice.total(), null);
  }

  /**
   * Every invoice and credit note dated {@code from} to {@code to} (inclusive), oldest first, handed
   * to {@code each} one at a time (for streamed exports). SKELETON (issue 16): the billing helper
   * streams them from one query.
   */
  @Transactional(readOnly = true)
  public void forEachDocument(TenantId tenant, LocalDate from, LocalDate to, java.util.function.Consumer<InvoiceDocument> each) {
    invoices.list(tenant).stream()
        .filter(i -> !i.date().isBefore(from) && !i.date().isAfter(to))
        .sorted(java.util.Comparator.comparing(Invoice::date))
        .forEach(i -> each.accept(document(tenant, i.id())));
  }

  /**
   * Every credit created {@code from} to {@code to} (tenant-local dates, inclusive), oldest first.
   * SKELETON (issue 16): the billing helper fills product, source and what returned it.
   */
  @Transactional(readOnly = true)
  public void forEachCredit(TenantId tenant, LocalDate from, LocalDate to, java.util.function.Consumer<CreditEntry> each) {
    java.time.ZoneId zone = tenants.get(tenant).timeZone();
    credits.list(tenant).stream()
        .map(c -> new CreditEntry(c.id(), c.subscription().value(), null, null, c.amount(), c.status(),
            c.createdAt().atZone(zone).toLocalDate(), c.returnOn(), null, null, null, null))
        .filter(c -> !c.createdOn().isBefore(from) && !c.createdOn().isAfter(to))
        .sorted(java.util.Comparator.comparing(CreditEntry::createdOn))
        .forEach(each);
  }

  @Transactional(readOnly = true)
  public List<Invoice.RefundView> refunds(TenantId tenant) {
    return invoices.refunds(tenant);
  }

  @Transactional(readOnly = true)
  public Page<Invoice.RefundView> refunds(TenantId tenant, PageRequest page) {
    return new Page<>(invoices.refunds(tenant, page), page, invoices.countRefunds(tenant));
  }

  @Transactional(readOnly = true)
  public List<Credit> credits(TenantId tenant) {
    return credits.list(tenant);
  }

  @Transactional(readOnly = true)
  public Page<Credit> credits(TenantId tenant, PageRequest page) {
    return new Page<>(credits.list(tenant, page), page, credits.count(tenant));
  }
}
