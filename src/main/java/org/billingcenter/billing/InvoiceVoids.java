package org.billingcenter.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.billing.InvoiceVoidRepository.AbsorbedCredit;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The operator voids an issued invoice nobody has paid ({@link InvoiceVoiding} decides which): it
 * keeps its number and lines and shows VOID; the periods it charged are forgiven; a collection still
 * pending settlement is withdrawn; the credits it absorbed become pending again and come back on the
 * organisation's next billing date. The preview is computed by the same code the void runs, under
 * the invoice's lock, so what the operator confirmed is what happens.
 */
@Service
@Validated
public class InvoiceVoids {

  /** The longest reason kept. */
  public static final int REASON_MAX = 500;

  /** Why the operator voids it: mandatory, kept in the audit. Page and API send this. */
  public record VoidRequest(@NotBlank @Size(max = REASON_MAX) String reason) {}

  /** A credit the invoice absorbed, returned by the void. */
  public record ReturnedCredit(UUID credit, UUID subscription, Money amount) {}

  /**
   * What a void does. {@code forgiven}: what the invoice asked to be paid and no longer does.
   * {@code withdrawn}: the collection pending settlement that is withdrawn, if any. {@code returnOn}:
   * when the returned credits come back (null without credits).
   */
  public record VoidPreview(InvoiceDocument invoice, Money forgiven, @Nullable Money withdrawn,
      List<ReturnedCredit> creditsReturned, @Nullable LocalDate returnOn) {}

  private final InvoiceDocuments documents;
  private final InvoiceVoidRepository voids;
  private final PaymentGateway gateway;
  private final TenantService tenants;
  private final AuditLog audit;
  private final BillingEvents outbox;
  private final Clock clock;

  InvoiceVoids(InvoiceDocuments documents, InvoiceVoidRepository voids, PaymentGateway gateway,
      TenantService tenants, AuditLog audit, BillingEvents outbox, Clock clock) {
    this.documents = documents;
    this.voids = voids;
    this.gateway = gateway;
    this.tenants = tenants;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The invoice as the operator sees it; another organisation's id or none: INVOICE_NOT_FOUND. */
  @Transactional(readOnly = true)
  public InvoiceDocument invoice(TenantId tenant, UUID invoice) {
    return documents.one(tenant, invoice).orElseThrow(() -> new Rejected(BillingReason.INVOICE_NOT_FOUND));
  }

  /** Whether it may be voided: null when it may, else the refusal. */
  public static @Nullable BillingReason refusal(InvoiceDocument d) {
    return InvoiceVoiding.refusal(d.kind(), d.number() != null, d.status()).orElse(null);
  }

  /** What voiding it would do; a refusal is thrown as {@link Rejected}. */
  @Transactional(readOnly = true)
  public VoidPreview preview(TenantId tenant, UUID invoice) {
    InvoiceDocument document = invoice(tenant, invoice);
    BillingReason refused = refusal(document);
    if (refused == null && voids.creditsAllocated(tenant, invoice)) {
      refused = BillingReason.INVOICE_VOID_PAID; // issue 18: a credit paid part of it; correct it with a credit
    }
    if (refused != null) {
      throw new Rejected(refused, document.number() == null ? "" : document.number());
    }
    List<ReturnedCredit> credits = voids.absorbedCredits(tenant, invoice).stream()
        .map(InvoiceVoids::returned).toList();
    LocalDate returnOn = credits.isEmpty() ? null
        : tenants.nextBillingDate(tenant).orElseGet(() -> tenants.today(tenant));
    return new VoidPreview(document, document.total(), voids.pendingCollection(tenant, invoice).orElse(null),
        credits, returnOn);
  }

  /** Voids it, exactly as {@link #preview} says, in one transaction with its audit and outbox event. */
  @Transactional
  public VoidPreview voidInvoice(TenantId tenant, UUID invoice, @Valid VoidRequest request, String actor) {
    if (!voids.lock(tenant, invoice)) {
      throw new Rejected(BillingReason.INVOICE_NOT_FOUND);
    }
    VoidPreview preview = preview(tenant, invoice);
    String reason = request.reason().strip();
    if (!voids.markVoid(tenant, invoice, clock.instant(), actor, reason)) {
      throw new Rejected(BillingReason.INVOICE_ALREADY_VOID, preview.invoice().number());
    }
    if (preview.withdrawn() != null || preview.invoice().status() != InvoiceStatus.PAID) {
      gateway.withdraw(tenant, invoice); // issue 18: also calls off its queued payment attempts
    }
    if (preview.returnOn() != null) {
      voids.returnCredits(tenant, invoice, preview.returnOn());
    }
    InvoiceDocument d = preview.invoice();
    audit.record(tenant, actor, Change.of("INVOICE_VOIDED", "invoice", invoice)
        .from(d.number() + " " + d.status() + " " + d.total())
        .to(InvoiceStatus.VOID + (preview.returnOn() == null ? ""
            : ", " + preview.creditsReturned().size() + " credit(s) returned on " + preview.returnOn()))
        .because(reason));
    outbox.invoiceVoided(tenant, d);
    return preview;
  }

  private static ReturnedCredit returned(AbsorbedCredit c) {
    return new ReturnedCredit(c.credit(), c.subscription().value(), c.amount());
  }
}
