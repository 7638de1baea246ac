package org.billingcenter.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or a credit note as a document: what its page, its PDF, its Factur-X XML, its e-mail
 * and the exports show. {@code number} is null until the billing run finalises it. For an invoice
 * {@code total} is what is owed (charges less credits, plus what was refunded through it); for a
 * credit note {@code total} is what it credits (positive), and {@code refunded} what went back to
 * the payment method.
 */
public record InvoiceDocument(
    TenantId tenant,
    UUID id,
    Kind kind,
    @Nullable String number,
    InvoiceStatus status,
    LocalDate issueDate,
    LocalDate dueDate,
    Currency currency,
    List<Line> lines,
    Money charged,
    Money credited,
    Money refunded,
    Money total,
    @Nullable Instant finalizedAt) {

  public InvoiceDocument {
    lines = List.copyOf(lines);
  }

  public enum Kind { INVOICE, CREDIT_NOTE }

  /** What an invoice line is. */
  public enum LineKind { CHARGE, ADJUSTMENT, CREDIT, REFUND }

  /**
   * The event a line comes from (null where it is a plain period charge). Issue 18: CREDIT_APPLIED,
   * the ADJUSTMENT of a credit returned on this document that paid an overdue invoice ({@link Line#appliedTo}).
   */
  public enum Source { RENEWAL, PURCHASE, LICENSE_ADDITION, LICENSE_REDUCTION, PLAN_CHANGE, CANCELLATION, CREDIT_APPLIED }

  /**
   * One numbered line: the product and plan it bills, the subscription, the period (end exclusive),
   * quantity × unit price, and the amount (negative for a credit). {@code appliedTo}: the number of
   * the overdue invoice a CREDIT_APPLIED line paid, else null.
   */
  public record Line(
      int lineNo,
      LineKind kind,
      @Nullable Source source,
      @Nullable UUID subscription,
      @Nullable String productName,
      @Nullable String planId,
      @Nullable BillingFrequency frequency,
      @Nullable LocalDate periodStart,
      @Nullable LocalDate periodEndExclusive,
      @Nullable Integer quantity,
      @Nullable Money unitPrice,
      Money amount,
      @Nullable String appliedTo) {

    /** A line that paid no other invoice. */
    public Line(int lineNo, LineKind kind, @Nullable Source source, @Nullable UUID subscription,
        @Nullable String productName, @Nullable String planId, @Nullable BillingFrequency frequency,
        @Nullable LocalDate periodStart, @Nullable LocalDate periodEndExclusive, @Nullable Integer quantity,
        @Nullable Money unitPrice, Money amount) {
      this(lineNo, kind, source, subscription, productName, planId, frequency, periodStart, periodEndExclusive, quantity,
          unitPrice, amount, null);
    }
  }
}
