package org.billingcenter.payment;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One try to collect an invoice, and what came of it.
 *
 * @param number 1, 2, … per invoice: the collection on the invoice date is 1
 * @param idempotencyKey what the provider knows the charge by: {@code bc_<invoice>_<number>}
 * @param outcomeCode why it did not take the money ({@link DeclineCode#wire()}), when it did not
 */
public record PaymentAttempt(
    TenantId tenant,
    UUID id,
    UUID invoice,
    int number,
    Trigger trigger,
    @Nullable PaymentMethodId method,
    Money amount,
    String idempotencyKey,
    Status status,
    @Nullable String outcomeCode,
    int calls,
    String actor,
    Instant createdAt,
    @Nullable Instant finishedAt) {

  /** Why the attempt was made. */
  public enum Trigger {
    /** The collection on the invoice date (billing run). */
    INVOICE,
    /** A dunning retry. */
    RETRY,
    /** An admin paid the balance now. */
    PAY_NOW
  }

  public enum Status {
    QUEUED, SENT, SUCCEEDED, DECLINED, CANCELLED;

    public boolean finished() {
      return this == SUCCEEDED || this == DECLINED || this == CANCELLED;
    }
  }

  static String keyFor(UUID invoice, int number) {
    return "bc_" + invoice + "_" + number;
  }

  public @Nullable DeclineCode declineCode() {
    return outcomeCode == null ? null : DeclineCode.ofWire(outcomeCode);
  }
}
