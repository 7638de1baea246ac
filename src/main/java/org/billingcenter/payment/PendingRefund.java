package org.billingcenter.payment;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A refund the provider has not answered yet (status PENDING_SETTLEMENT).
 *
 * @param idempotencyKey what the provider knows the refund by: {@code bc_refund_<refund>}
 * @param sentAt when it was last sent; null while it was never sent
 */
record PendingRefund(
    TenantId tenant,
    UUID id,
    UUID invoice,
    @Nullable UUID credit,
    @Nullable PaymentMethodId method,
    Money amount,
    String idempotencyKey,
    @Nullable Instant sentAt) {

  static String keyFor(UUID refund) {
    return "bc_refund_" + refund;
  }
}
