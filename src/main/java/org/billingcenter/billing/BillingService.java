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
  private final InvoiceDocuments documents;
  private final CreditEntryRepository creditEntries;

  BillingService(
      InvoiceRepository invoices,
      CreditRepository credits,
      ProratedRepository prorated,
      SubscriptionService subscriptions,
      TenantService tenants,
      AuditLog audit,
      BillingEvents outbox,
      Clock clock,
      InvoiceDocuments documents,
      CreditEntryRepository creditEntries) {
    this.invoices = invoices;
    this.credits = credits;
    this.prorated = prorated;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
    this.documents = documents;
    this.creditEntries = creditEntries;
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
  public Invoice invoice(TenantId tenant, UUID id) {
    return invoices.find(tenant, id).orElseThrow(() -> new Rejected(BillingReason.INVOICE_NOT_FOUND));
  }

  /** The invoice or credit note {@code id} as a document (issue 16): number, status, readable lines, totals. */
  @Transactional(readOnly = true)
  public InvoiceDocument document(TenantId tenant, UUID id) {
    return documents.one(tenant, id).orElseThrow(() -> new Rejected(BillingReason.INVOICE_NOT_FOUND));
  }

  /** A page of the organisation's invoices and credit notes as documents, newest first, filtered. */
  @Transactional(readOnly = true)
  public Page<InvoiceDocument> documents(TenantId tenant, InvoiceFilter filter, PageRequest page) {
    return documents.page(tenant, filter, page);
  }

  /**
   * Every invoice and credit note dated {@code from} to {@code to} (inclusive), oldest first, handed
   * to {@code each} one at a time (for streamed exports): chunks of two queries, memory stays flat.
   */
  @Transactional(readOnly = true)
  public void forEachDocument(TenantId tenant, LocalDate from, LocalDate to, java.util.function.Consumer<InvoiceDocument> each) {
    documents.forEach(tenant, from, to, each);
  }

  /** A page of the organisation's credits, newest first, with product, source and what returned them. */
  @Transactional(readOnly = true)
  public Page<CreditEntry> creditEntries(TenantId tenant, PageRequest page) {
    return new Page<>(creditEntries.page(tenant, tenants.get(tenant).timeZone(), page), page, credits.count(tenant));
  }

  /**
   * Every credit created {@code from} to {@code to} (tenant-local dates, inclusive), oldest first, in
   * chunks of {@value InvoiceDocuments#CHUNK}.
   */
  @Transactional(readOnly = true)
  public void forEachCredit(TenantId tenant, LocalDate from, LocalDate to, java.util.function.Consumer<CreditEntry> each) {
    java.time.ZoneId zone = tenants.get(tenant).timeZone();
    java.time.Instant start = from.atStartOfDay(zone).toInstant();
    java.time.Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    CreditEntryRepository.Row last = null;
    while (true) {
      List<CreditEntryRepository.Row> chunk = creditEntries.chunk(tenant, zone, start, end,
          last == null ? null : last.createdAt(), last == null ? null : last.entry().id(), InvoiceDocuments.CHUNK);
      chunk.forEach(row -> each.accept(row.entry()));
      if (chunk.size() < InvoiceDocuments.CHUNK) {
        return;
      }
      last = chunk.get(chunk.size() - 1);
    }
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
