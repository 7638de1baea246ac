package org.billingcenter.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice nobody has paid: its total less the credits returned to it is still owed.
 *
 * @param outstanding what is left to pay
 * @param declined attempts the provider declined
 * @param retries dunning retries made (declined or not)
 * @param unfinished an attempt is queued or awaiting its answer
 * @param lastDecline why the latest declined attempt failed ({@link DeclineCode#wire()})
 */
public record OwedInvoice(
    TenantId tenant,
    UUID invoice,
    @Nullable String number,
    LocalDate invoiceDate,
    LocalDate dueDate,
    Money total,
    Money outstanding,
    @Nullable Instant uncollectibleAt,
    int declined,
    int retries,
    boolean unfinished,
    @Nullable String lastDecline) {

  /** Collection was tried and failed: the organisation is behind on it. */
  public boolean overdue() {
    return declined > 0;
  }

  public boolean uncollectible() {
    return uncollectibleAt != null;
  }
}
